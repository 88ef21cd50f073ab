#!/usr/bin/env bash
# Installs TradingBot as a systemd service: publishes the executable to /opt/tradingbot, creates the
# tradingbot user and /var/lib/tradingbot, copies appsettings.json to /etc/tradingbot (never over an
# existing one), and installs the unit. Run from the repository as root:  sudo deploy/install.sh
# It does not start the service: edit /etc/tradingbot/appsettings.json, run check-config, then start it.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
prefix=/opt/tradingbot
config=/etc/tradingbot
state=/var/lib/tradingbot

if [[ $EUID -ne 0 ]]; then
    echo "install.sh: run as root (sudo $0)" >&2
    exit 1
fi
command -v dotnet >/dev/null || { echo "install.sh: the .NET 10 SDK is needed to publish (dotnet not found)" >&2; exit 1; }

echo "Publishing to $prefix ..."
dotnet publish "$repo/src/TradingBot.Worker" -c Release -o "$prefix" --nologo -v quiet
install -m 0644 "$repo/README.md" "$prefix/README.md"

id tradingbot >/dev/null 2>&1 || useradd --system --home-dir "$state" --shell /usr/sbin/nologin tradingbot
install -d -o tradingbot -g tradingbot -m 0750 "$state"
install -d -o root -g tradingbot -m 0750 "$config"
if [[ -e "$config/appsettings.json" ]]; then
    echo "Keeping the existing $config/appsettings.json (the shipped one is at $prefix/appsettings.json)."
else
    install -o root -g tradingbot -m 0640 "$repo/appsettings.json" "$config/appsettings.json"
    # An absolute data folder, so `tradingbot status` finds the service's database from any directory.
    sed -i "s|\"DataDirectory\": \"data\"|\"DataDirectory\": \"$state\"|" "$config/appsettings.json"
fi

install -m 0644 "$repo/deploy/tradingbot.service" /etc/systemd/system/tradingbot.service
ln -sf "$prefix/tradingbot" /usr/local/bin/tradingbot
systemctl daemon-reload || echo "warning: systemctl daemon-reload failed (is systemd running?); run it before starting the service" >&2

cat <<NEXT
Installed. Next:
  1. Edit $config/appsettings.json (it starts in Paper mode).
  2. For Demo or Live: put the Kalshi private key at $config/kalshi-private-key.pem (chmod 600, owner root);
     for Postgres: the password at $config/postgres-password (chmod 600); then uncomment the matching
     LoadCredential= line with: sudo systemctl edit --full tradingbot
  3. sudo -u tradingbot tradingbot check-config --config $config/appsettings.json
  4. sudo systemctl enable --now tradingbot && journalctl -u tradingbot -f
NEXT
