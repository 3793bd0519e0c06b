package io.reflex.launcher.cli;

/** The {@code --help} text; the full story is docs/launch.md. */
final class Help {

    static final String TEXT = """
            Usage: launch service|app [NAME[:ACTION]] [options] [-- ARGS...]
                   launch env [NAME] [--noexport]
                   launch config|cfg [NAME] [--commit]
                   launch action list|ls | env | verify ACTION | [run] ACTION [ARGS...]
                          [--export-meta] [--config VALUE]
                   launch instances [NAME] [--format table|json]
                   launch redeploy [NAME] [--build VERSION] [--config CONFIG]
                   launch --version

            NAME defaults to REFLEX_SERVICE. REFLEX_URL, REFLEX_APIKEY and REFLEX_SERVICE are read from
            /run/secrets/NAME first, then the environment.

            Options:
              --mode exec|supervise   exec replaces the launcher with the app (default); supervise stays as
                                      PID 1: forwards signals, reaps zombies, runs readiness and stop hooks
              --grace DURATION        supervise: time between the stop signal and SIGKILL (default 10s)
              --splay DURATION        supervise: random delay (below DURATION) before the stop signal
              --restart no|on-failure supervise: restart a failed app with exponential backoff (default no)
              --watch                 supervise: rewrite files and signal the app when its config changes
              --reload-signal SIG     signal sent after a config change (default HUP; none to only rewrite)
              --watch-links[=FILE]    supervise: keep FILE (default CFGDIR/links.json) listing the links'
                                      healthy instances current; signal the app when it changes
              --links-signal SIG      signal sent after the links file changed (default HUP; none)
              --exit-with-parent      supervise: stop as on SIGTERM when the process that started launch ends
              --wait DURATION         how long to retry an unreachable engine (default 30s)
              --secrets-dir DIR       where secret files are read (default /run/secrets)
              --notime                no timestamps on log lines
              --logfmt txt|json       the launcher's log format, also exported to the app as LOGFMT
              --debug                 log more, including variable values
              --export-meta           action: give actions REFLEX_URL and REFLEX_APIKEY (alias --expose-meta)
              --format table|json     instances: the listing as a table (default) or JSON
              --config VALUE          action: "config": "stdin" actions read VALUE as a JSON string;
                                      redeploy: the config to flatten instead of the service's own
              --proxy [[HOST:]PORT]   supervise: run the app as colors behind a redeploy proxy on PORT
                                      (default: the pipeline's launch.proxy.listen or launch.port)
              --health PATH           proxy: a new color is ready when PATH answers --expect (default 200)
              --warmup DURATION       proxy, no health path: a new color is ready after DURATION
              --ready-timeout DURATION  proxy: give up on a new color after DURATION (default 60s)
              --drain DURATION        proxy: the old color's time to finish in-flight requests (default 30s)
              --control [HOST:]PORT   proxy: HTTP POST /redeploy, needs REFLEX_CONTROL_TOKEN (Bearer)
              --instance NAME         supervise: the instance's name (default SERVICE-HOSTNAME)
              --build VERSION         redeploy: the new color's build (its version, APP_BUILD)
            """;

    private Help() {
    }
}
