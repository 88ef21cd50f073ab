#!/usr/bin/env bash
# Stops and removes the TradingBot unit group and executable. Keeps /etc/tradingbot (settings, credentials) and
# /var/lib/tradingbot (the database: positions, orders, P&L) unless --purge is given. Backups in
# /var/lib/tradingbot-backups are always kept.
set -euo pipefail
[[ $EUID -eq 0 ]] || { echo "uninstall.sh: run as root" >&2; exit 1; }

systemctl disable --now tradingbot-backup.timer tradingbot.target tradingbot.service tradingbot-dashboard.service 2>/dev/null || true
for unit in tradingbot.service tradingbot-dashboard.service tradingbot.target tradingbot-backup.service tradingbot-backup.timer; do
    rm -f "/etc/systemd/system/$unit"
done
rm -f /usr/local/bin/tradingbot
systemctl daemon-reload || true
rm -rf /opt/tradingbot /opt/tradingbot.previous /opt/tradingbot.new
if [[ "${1:-}" == "--purge" ]]; then
    rm -rf /etc/tradingbot /var/lib/tradingbot
    userdel tradingbot 2>/dev/null || true
    echo "Removed, with settings, credentials and the database."
else
    echo "Removed. Kept /etc/tradingbot and /var/lib/tradingbot (use --purge to delete them)."
fi
