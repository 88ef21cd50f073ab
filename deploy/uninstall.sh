#!/usr/bin/env bash
# Stops and removes the TradingBot service and executable. Keeps /etc/tradingbot (settings, keys) and
# /var/lib/tradingbot (the database: positions, orders, P&L) unless --purge is given.
set -euo pipefail
[[ $EUID -eq 0 ]] || { echo "uninstall.sh: run as root" >&2; exit 1; }

systemctl disable --now tradingbot.service 2>/dev/null || true
rm -f /etc/systemd/system/tradingbot.service /usr/local/bin/tradingbot
systemctl daemon-reload || true
rm -rf /opt/tradingbot
if [[ "${1:-}" == "--purge" ]]; then
    rm -rf /etc/tradingbot /var/lib/tradingbot
    userdel tradingbot 2>/dev/null || true
    echo "Removed, with settings, keys and the database."
else
    echo "Removed. Kept /etc/tradingbot and /var/lib/tradingbot (use --purge to delete them)."
fi
