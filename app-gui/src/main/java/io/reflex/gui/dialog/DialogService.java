package io.reflex.gui.dialog;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The one way view models talk to the user outside their own view. Keeping it behind an interface keeps view
 * models free of nodes and lets a test answer questions without clicking through modal windows.
 */
public interface DialogService {

    /** One plain sentence shown in place (the notification bar), replacing the previous one. */
    void notify(Severity severity, String sentence);

    /** Shows the sentence for a failure and logs the failure itself. */
    default void showFailure(String doing, Throwable failure) {
        System.getLogger("io.reflex.gui").log(System.Logger.Level.WARNING, doing, failure);
        notify(Severity.ERROR, doing + ": " + ErrorSentences.of(failure));
    }

    /** Asks a yes/no question; true means go ahead. */
    boolean confirm(String question, String goAhead);

    Optional<Path> chooseFileToOpen(String title);

    Optional<Path> chooseFileToSave(String title, String suggestedName);

    /** How bad a notification is; the bar is coloured by it. */
    enum Severity {
        INFO,
        SUCCESS,
        WARNING,
        ERROR
    }
}
