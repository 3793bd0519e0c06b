package io.reflex.tools.engine;

import io.reflex.client.ObjectType;
import io.reflex.client.ReflexObject;
import io.reflex.engine.policy.expr.ExpressionContext;
import io.reflex.engine.policy.expr.PolicyExpression;
import java.util.function.Predicate;

/**
 * A client-side filter written in the policy expression language, so users test a condition with
 * {@code list -e} before they put it into a policy. Runs the engine's own implementation, not a look-alike.
 */
final class ObjectExpression implements Predicate<ReflexObject> {
  private final PolicyExpression expression;
  private final ObjectType type;

  private ObjectExpression(PolicyExpression expression, ObjectType type) {
    this.expression = expression;
    this.type = type;
  }

  /**
   * @throws io.reflex.engine.policy.expr.ExpressionSyntaxException when the text does not parse
   */
  static ObjectExpression compile(String text, ObjectType type) {
    return new ObjectExpression(PolicyExpression.compileFilter(text), type);
  }

  /** True when the expression holds for {@code obj}; an error while evaluating counts as false, as in policies. */
  @Override
  public boolean test(ReflexObject object) {
    return expression.test(ExpressionContext.builder().obj(object.json()).objType(type.tableName()).build());
  }
}
