#!/usr/bin/env bash
# Install test of the console .deb (run by `mvn verify` in installers, after the .deb is built; see docs/installers.md).
#
#   install-test.sh INSTALLERS_TARGET
#
# As root, with dpkg, Xvfb, xwininfo and ImageMagick's import:
#  1. makes an "older" package (the same .deb relabelled 0.0.1) and installs it with dpkg -i;
#  2. user data that an earlier version would have left: ~/.config/reflex and ~/.local/share/reflex (under a test
#     HOME in INSTALLERS_TARGET/install-test/home, so the real home is not touched);
#  3. starts the installed console under Xvfb until its window shows and the embedded engine has written its data;
#  4. upgrades to the real .deb (dpkg -i), checks the user data did not change, starts it again, waits for the window
#     and saves a screenshot to INSTALLERS_TARGET/installed-console.png;
#  5. reinstalls the same .deb, then removes it (dpkg -r): nothing of it is left in /opt or
#     /usr/share/applications, and the user data is still there, unchanged.
# Skips (exit 0, with the reason) when not root or a tool is missing; fails (exit 1) on any failed check.
set -euo pipefail

target=$(cd "$1" && pwd)
pkg=reflex-console
install_dir=/opt/reflex-console
launcher="$install_dir/bin/Reflex Console"
work=$target/install-test
shot=$target/installed-console.png

say() { printf '[install-test] %s\n' "$*"; }
fail() { printf '[install-test] FAILED: %s\n' "$*" >&2; exit 1; }
skip() { printf '[install-test] SKIPPED: %s\n' "$*" >&2; exit 0; }

[ "$(id -u)" = 0 ] || skip "needs root for dpkg -i / dpkg -r"
for tool in dpkg dpkg-deb Xvfb xwininfo import; do
  command -v "$tool" >/dev/null || skip "missing $tool (apt-get install xvfb xauth x11-utils imagemagick)"
done
deb=$(ls -t "$target"/console/${pkg}_*.deb 2>/dev/null | head -n 1 || true)
[ -n "$deb" ] || skip "no .deb in $target/console (was it skipped? see the console-packages output)"
if dpkg -s "$pkg" >/dev/null 2>&1 && dpkg -s "$pkg" | grep -q '^Status: install ok installed'; then
  fail "$pkg is installed on this machine already; remove it first (dpkg -r $pkg)"
fi

# dpkg -i does not fetch dependencies (apt does); install the missing ones the way apt would.
missing=()
for dep in $(dpkg-deb -f "$deb" Depends | tr -d ' ' | tr ',' ' '); do
  dep=${dep%%|*}; dep=${dep%%(*}
  dpkg -s "$dep" 2>/dev/null | grep -q '^Status: install ok installed' || missing+=("$dep")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "installing the package's missing dependencies: ${missing[*]}"
  apt-get install -y -qq "${missing[@]}" >/dev/null || fail "could not install ${missing[*]}"
fi

rm -rf "$work" "$shot" && mkdir -p "$work/home"
export HOME=$work/home
unset XDG_CONFIG_HOME XDG_DATA_HOME
export XDG_CACHE_HOME=$work/home/.cache
config_dir=$HOME/.config/reflex data_dir=$HOME/.local/share/reflex

xvfb_pid= app_pid=
cleanup() {
  [ -z "$app_pid" ] || kill "$app_pid" 2>/dev/null || true
  [ -z "$xvfb_pid" ] || kill "$xvfb_pid" 2>/dev/null || true
  if dpkg -s "$pkg" 2>/dev/null | grep -q '^Status: install ok installed'; then
    say "cleanup: removing $pkg"
    dpkg -r "$pkg" >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

display=
for n in $(seq 91 140); do
  [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ] || { display=:$n; break; }
done
[ -n "$display" ] || fail "no free X display between :91 and :140"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb.log" 2>&1 &
xvfb_pid=$!
export DISPLAY=$display
for _ in $(seq 1 50); do xwininfo -root >/dev/null 2>&1 && break; sleep 0.2; done
xwininfo -root >/dev/null 2>&1 || fail "Xvfb did not start on $display (see $work/xvfb.log)"

user_data_digest() { (cd "$HOME" && find .config/reflex .local/share/reflex -type f -print0 2>/dev/null | sort -z | xargs -0 -r sha256sum); }

# Starts the installed console, waits for its window (and for the engine to listen), leaves it running in $app_pid.
start_console() {   # log file
  [ -x "$launcher" ] || fail "no launcher at $launcher"
  "$launcher" >"$1" 2>&1 &
  app_pid=$!
  local i
  for i in $(seq 1 180); do
    kill -0 "$app_pid" 2>/dev/null || fail "the console exited early (see $1)"
    if xwininfo -root -tree | grep -q '"Reflex Console"' && grep -q 'Reflex Engine listening' "$1"; then
      say "window up after ${i}s"
      return 0
    fi
    sleep 1
  done
  fail "no 'Reflex Console' window within 180 s (see $1)"
}
stop_console() {
  kill "$app_pid"
  local i
  for i in $(seq 1 30); do kill -0 "$app_pid" 2>/dev/null || break; sleep 1; done
  kill -0 "$app_pid" 2>/dev/null && { kill -9 "$app_pid"; fail "the console did not stop within 30 s of SIGTERM"; }
  app_pid=
}
installed_version() { dpkg-query -W -f '${Version}' "$pkg"; }

# 1. An older version: the same package relabelled 0.0.1-1 (dpkg treats it as any older release).
say "making an older package from $(basename "$deb")"
rm -rf "$work/old" && dpkg-deb -R "$deb" "$work/old"
sed -i 's/^Version: .*/Version: 0.0.1-1/' "$work/old/DEBIAN/control"
dpkg-deb -Zgzip -z1 -b "$work/old" "$work/${pkg}_0.0.1-1_amd64.deb" >/dev/null
rm -rf "$work/old"
dpkg -i "$work/${pkg}_0.0.1-1_amd64.deb" >"$work/dpkg-old.log" 2>&1 || fail "dpkg -i of the older package (see $work/dpkg-old.log)"
[ "$(installed_version)" = 0.0.1-1 ] || fail "older version not installed"
say "installed $(installed_version)"

# 2. User data as an earlier version leaves it.
mkdir -p "$config_dir" "$data_dir"
printf '{"profiles":[{"name":"kept-by-upgrade","url":"http://example.invalid/api/v1"}]}\n' >"$config_dir/console-profiles.json"
printf 'user file\n' >"$data_dir/user-notes.txt"

# 3. Run the older install: the embedded engine creates its database under ~/.local/share/reflex.
start_console "$work/console-old.log"
for _ in $(seq 1 60); do [ -f "$data_dir/console-engine/reflex-engine.db" ] && break; sleep 1; done
[ -f "$data_dir/console-engine/reflex-engine.db" ] || fail "the embedded engine wrote no database in $data_dir/console-engine"
sleep 3
stop_console
before=$(user_data_digest)
say "user data: $(printf '%s\n' "$before" | wc -l) files in ~/.config/reflex and ~/.local/share/reflex"

# 4. Upgrade.
dpkg -i "$deb" >"$work/dpkg-upgrade.log" 2>&1 || fail "dpkg -i upgrade (see $work/dpkg-upgrade.log)"
new_version=$(dpkg-deb -f "$deb" Version)
[ "$(installed_version)" = "$new_version" ] || fail "upgrade left version $(installed_version), expected $new_version"
[ "$(user_data_digest)" = "$before" ] || fail "the upgrade changed the user data"
say "upgraded to $new_version; user data unchanged"
[ -f "$install_dir/lib/${pkg}-Reflex_Console.desktop" ] && say "desktop entry: $install_dir/lib/${pkg}-Reflex_Console.desktop"

start_console "$work/console.log"
# Give the first table a moment to fill, then take the screenshot.
for _ in $(seq 1 30); do grep -q 'path=/api/v1/' "$work/console.log" && break; sleep 1; done
sleep 3
import -window root "$shot"
say "screenshot: $shot"
stop_console

# 5. Reinstall, then remove.
after_run=$(user_data_digest)
dpkg -i "$deb" >"$work/dpkg-reinstall.log" 2>&1 || fail "dpkg -i reinstall (see $work/dpkg-reinstall.log)"
dpkg -r "$pkg" >"$work/dpkg-remove.log" 2>&1 || fail "dpkg -r (see $work/dpkg-remove.log)"
dpkg -s "$pkg" 2>/dev/null | grep -q '^Status: install ok installed' && fail "$pkg still installed after dpkg -r"
leftover=$(find /opt -maxdepth 1 -name "${pkg}*" ; find /usr/share/applications -name "${pkg}*" 2>/dev/null)
[ -z "$leftover" ] || fail "left after dpkg -r: $leftover"
[ "$(user_data_digest)" = "$after_run" ] || fail "reinstall or removal changed the user data"
[ -f "$config_dir/console-profiles.json" ] && [ -f "$data_dir/console-engine/reflex-engine.db" ] \
  || fail "user data gone after dpkg -r"
say "removed: nothing left in /opt or /usr/share/applications; ~/.config/reflex and ~/.local/share/reflex kept"
say "PASSED"
