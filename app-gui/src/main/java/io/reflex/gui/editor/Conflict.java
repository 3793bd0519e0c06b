package io.reflex.gui.editor;

/** A save refused because someone else wrote first: both texts, for the side-by-side view. */
public record Conflict(String theirs, String yours) {}
