package io.reflex.gui;

import io.reflex.launcher.nativeos.ThreadPriority;

/**
 * The window shares the cores with everything else in the console's process, and an unprivileged process cannot put
 * the FX thread above nice 0; so busy background threads go below it instead (the local engine's: {@code
 * LocalEngineTarget}). Here: HotSpot's C2 compiler, whose compilations of 50 ms and more ran beside the window's
 * frames, at start and while heartbeats poured in. At nice 10 it still gets every core the window leaves idle. C1
 * keeps nice 0, since its quick compilations are what make the console's code fast soon after start.
 */
final class CompilerPriority {

    private static final String C2_THREAD_NAME = "C2 CompilerThread";
    private static final int C2_NICENESS = 10;

    private CompilerPriority() {
    }

    /** Compiler threads HotSpot adds later are started by a compiler thread and inherit its nice value. */
    static void lowerOptimisingCompiler() {
        ThreadPriority.lowerThreadsNamed(C2_THREAD_NAME, C2_NICENESS);
    }
}
