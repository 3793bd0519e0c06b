package io.reflex.gui.navigation;

import io.reflex.client.ObjectType;

/** An open object, remembered for back and forward. */
public record Location(ObjectType type, String name) {}
