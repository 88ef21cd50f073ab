#!/usr/bin/env bash
# Installs or upgrades TradingBot as a systemd unit group (tradingbot.target: the trading service and its
# dashboard). Run from the repository as root:  sudo deploy/install.sh [options]
#
#   --root DIR                    install into DIR instead of / (an image, a test): no user, no systemctl
#   --binaries DIR                install this published folder instead of running dotnet publish
#   --kalshi-key FILE             the Kalshi private key (PEM) for Demo and Live
#   --postgres-password-file FILE the database password, for Postgres storage
#
# It is safe to run again: it never overwrites /etc/tradingbot/appsettings.json (this version's defaults go beside
# it as appsettings.json.new when they differ), and keeps the credentials already there. Secrets live root-only in
# /etc/tradingbot/credentials; systemd hands them to the services (LoadCredential=), never through the settings.
#
# An upgrade checks the new version against the settings (check-config) before touching anything, stops the units,
# swaps the binaries (the old ones stay in /opt/tradingbot.previous), migrates the database, and starts the units
# again if they were running. When the migration or the start fails, the previous binaries are put back.
# A first install does not start anything: edit the settings, then systemctl enable --now tradingbot.target.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
root=""
binaries=""
kalshi_key=""
postgres_password=""
die() { echo "install.sh: $*" >&2; exit 1; }
while (($#)); do
    case "$1" in
        --root) [[ $# -ge 2 ]] || die "--root needs a folder"; root="$(realpath -m "$2")"; shift 2 ;;
        --binaries) [[ $# -ge 2 ]] || die "--binaries needs a folder"; binaries="$2"; shift 2 ;;
        --kalshi-key) [[ $# -ge 2 ]] || die "--kalshi-key needs a file"; kalshi_key="$2"; shift 2 ;;
        --postgres-password-file) [[ $# -ge 2 ]] || die "--postgres-password-file needs a file"; postgres_password="$2"; shift 2 ;;
        -h | --help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
done

# Paths on the target system; under --root they are prefixed with it on disk.
prefix=/opt/tradingbot
config=/etc/tradingbot
state=/var/lib/tradingbot
live=true # acting on this machine: the user, file owners, systemctl
if [[ -n $root ]]; then
    live=false
else
    [[ $EUID -eq 0 ]] || die "run as root (sudo $0), or give --root DIR"
fi
credentials="$root$config/credentials"
settings="$root$config/appsettings.json"
[[ -n $binaries ]] || command -v dotnet >/dev/null || die "the .NET 10 SDK is needed to publish (dotnet not found), or give --binaries"
for file in "$kalshi_key" "$postgres_password"; do
    [[ -z $file || -r $file ]] || die "cannot read $file"
done

# 1. The new binaries, staged beside the installed ones.
staged="$root$prefix.new"
rm -rf "$staged"
mkdir -p "$(dirname "$staged")"
if [[ -n $binaries ]]; then
    [[ -x $binaries/tradingbot ]] || die "$binaries/tradingbot is not an executable"
    cp -a "$binaries/." "$staged/"
else
    echo "Publishing ..."
    dotnet publish "$repo/src/TradingBot.Worker" -c Release -o "$staged" --nologo -v quiet
fi
install -m 0644 "$repo/README.md" "$staged/README.md"

# 2. The user and the folders: state for the service only, settings readable by it, credentials by root only.
if $live; then
    id tradingbot >/dev/null 2>&1 || useradd --system --home-dir "$state" --shell /usr/sbin/nologin tradingbot
    install -d -o tradingbot -g tradingbot -m 0750 "$state"
    install -d -o root -g tradingbot -m 0750 "$config"
else
    install -d -m 0750 "$root$state" "$root$config"
fi
install -d -m 0700 "$credentials"

# 3. Settings: the operator's file is never overwritten. An absolute data folder, so `tradingbot status` finds the
# service's database from any directory.
defaults="$(mktemp)"
trap 'rm -f "$defaults"; rm -rf "$staged"' EXIT
sed "s|\"DataDirectory\": \"data\"|\"DataDirectory\": \"$state\"|" "$repo/appsettings.json" >"$defaults"
chmod 0640 "$defaults"
if [[ ! -e $settings ]]; then
    install -m 0640 "$defaults" "$settings"
elif cmp -s "$defaults" "$settings"; then
    rm -f "$settings.new"
else
    install -m 0640 "$defaults" "$settings.new"
    echo "Kept your $config/appsettings.json; this version's defaults are beside it as appsettings.json.new (compare: diff -u $config/appsettings.json $config/appsettings.json.new)."
fi
$live && chgrp tradingbot "$settings" "$settings.new" 2>/dev/null || true

# 4. Credentials, root-only. The dashboard token is generated once: 32 random bytes, base64url.
put_credential() { # name source
    install -m 0600 "$2" "$credentials/$1"
    echo "Credential $1 installed from $2."
}
[[ -z $kalshi_key ]] || put_credential kalshi-private-key "$kalshi_key"
[[ -z $postgres_password ]] || put_credential postgres-password "$postgres_password"
# Where earlier versions told operators to put them.
[[ -e $credentials/kalshi-private-key || ! -e $root$config/kalshi-private-key.pem ]] || put_credential kalshi-private-key "$root$config/kalshi-private-key.pem"
[[ -e $credentials/postgres-password || ! -e $root$config/postgres-password ]] || put_credential postgres-password "$root$config/postgres-password"
if [[ ! -s $credentials/dashboard-token ]]; then
    (umask 077 && head -c 32 /dev/urandom | base64 -w0 | tr '+/' '-_' | tr -d '=' >"$credentials/dashboard-token")
    echo "Generated the dashboard's control token: sudo cat $config/credentials/dashboard-token"
fi

# The new or installed version's command, as the service would run it: its credentials, and under --root its data.
bot() { # folder verb...
    local folder="$1"
    shift
    local env=(CREDENTIALS_DIRECTORY="$credentials")
    $live || env+=(TRADINGBOT__TradingBot__DataDirectory="$root$state")
    env "${env[@]}" "$folder/tradingbot" "$@" --config "$settings"
}

# 5. The start-up check, before anything changes: the new version must accept the settings.
if ! check="$(bot "$staged" check-config 2>&1)"; then
    echo "$check" >&2
    die "the new version rejects $config/appsettings.json (above); nothing was changed. Fix the settings and run install.sh again."
fi

# 6. Stop, swap, migrate, start; on failure put the previous binaries back.
was_running=false
if $live && systemctl is-active --quiet tradingbot.service 2>/dev/null; then
    was_running=true
    echo "Stopping tradingbot.target for the upgrade ..."
    systemctl stop tradingbot.target tradingbot.service tradingbot-dashboard.service
fi
previous="$root$prefix.previous"
installed="$root$prefix"
rm -rf "$previous"
[[ ! -d $installed ]] || mv "$installed" "$previous"
mv "$staged" "$installed"

rollback() { # why
    echo "install.sh: $1" >&2
    if [[ -d $previous ]]; then
        rm -rf "$installed"
        mv "$previous" "$installed"
        echo "install.sh: the previous binaries are back in $prefix." >&2
        if $was_running; then
            systemctl start tradingbot.target || echo "install.sh: the previous version did not start either: journalctl -u tradingbot" >&2
        fi
    fi
    exit 1
}

if ! migration="$(bot "$installed" migrate 2>&1)"; then
    echo "$migration" >&2
    rollback "the database migration failed (above)"
fi
echo "$migration"
$live && chown -R tradingbot:tradingbot "$state"

install -d "$root/etc/systemd/system" "$root/usr/local/bin"
for unit in tradingbot.service tradingbot-dashboard.service tradingbot.target tradingbot-backup.service tradingbot-backup.timer; do
    install -m 0644 "$repo/deploy/$unit" "$root/etc/systemd/system/$unit"
done
ln -sfn "$prefix/tradingbot" "$root/usr/local/bin/tradingbot"

if $live; then
    systemctl daemon-reload || echo "warning: systemctl daemon-reload failed (is systemd running?); run it before starting the units" >&2
    if $was_running; then
        # Type=notify: this waits for the new version's READY=1, or fails.
        systemctl start tradingbot.service || rollback "the new version failed to start (journalctl -u tradingbot)"
        systemctl start tradingbot.target
        echo "Upgraded and started. The previous binaries stay in $prefix.previous until the next upgrade."
        exit 0
    fi
fi

cat <<NEXT
Installed in ${root:-/}. Next:
  1. Edit $config/appsettings.json (it starts in Paper mode).
  2. For Demo or Live: the Kalshi key (sudo deploy/install.sh --kalshi-key FILE, or put it at
     $config/credentials/kalshi-private-key, chmod 600, owner root); for Postgres the password likewise
     (--postgres-password-file FILE, credential postgres-password). See deploy/README.md.
  3. sudo tradingbot check-config --config $config/appsettings.json
  4. sudo systemctl enable --now tradingbot.target && journalctl -u tradingbot -f
  5. The dashboard: http://127.0.0.1:5080 on the server (ssh -L 5080:127.0.0.1:5080 server from your machine).
NEXT
