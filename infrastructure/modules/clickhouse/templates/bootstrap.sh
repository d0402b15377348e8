#!/bin/bash
# First boot of a ClickHouse node (Amazon Linux 2023, arm64): data volume,
# packages from the backup bucket's artifacts/ prefix (the data subnets have
# no route to the internet), node certificate, service, backup timer.
set -euo pipefail
. /etc/clickhouse-bootstrap/env

if [ "$ROLE" = server ]; then
  # The data volume is attached after the instance starts: wait for the one
  # disk without partitions or mounts besides the root disk.
  for _ in $(seq 1 120); do
    dev=$(lsblk -dpno NAME,TYPE | awk '$2=="disk"{print $1}' | while read -r d; do
      [ -z "$(lsblk -no MOUNTPOINT "$d" | tr -d '[:space:]')" ] && [ "$(lsblk -no NAME "$d" | wc -l)" -eq 1 ] && echo "$d"
    done | head -1)
    [ -n "$dev" ] && break
    sleep 5
  done
  [ -n "$dev" ] || { echo "no data volume attached" >&2; exit 1; }
  blkid "$dev" >/dev/null || mkfs.xfs -L clickhouse "$dev"
  mkdir -p /var/lib/clickhouse
  grep -q 'LABEL=clickhouse' /etc/fstab || echo 'LABEL=clickhouse /var/lib/clickhouse xfs defaults,nofail,noatime 0 2' >>/etc/fstab
  mount -a
fi

mkdir -p /tmp/clickhouse-packages
aws s3 cp --recursive --only-show-errors "s3://$BUCKET/artifacts/clickhouse/$VERSION/" /tmp/clickhouse-packages/
dnf install -y /tmp/clickhouse-packages/*.rpm

if [ "$ROLE" = server ]; then
  install -d -m 0750 -o clickhouse -g clickhouse /etc/clickhouse-server/tls
  openssl req -x509 -newkey rsa:2048 -nodes -days 825 -subj "/CN=$NODE" \
    -keyout /etc/clickhouse-server/tls/node.key -out /etc/clickhouse-server/tls/node.crt
  chown clickhouse:clickhouse /etc/clickhouse-server/tls/node.*
  chown -R clickhouse:clickhouse /var/lib/clickhouse /etc/clickhouse-server/config.d
  systemctl enable --now clickhouse-server
  if [ "$BACKS_UP" = true ]; then
    cat >/etc/systemd/system/clickhouse-backup.service <<UNIT
[Unit]
Description=ClickHouse backup of shard $SHARD to S3
[Service]
Type=oneshot
ExecStart=/usr/local/sbin/clickhouse-backup
UNIT
    cat >/etc/systemd/system/clickhouse-backup.timer <<UNIT
[Unit]
Description=ClickHouse backups every 15 minutes (incremental; full at midnight)
[Timer]
OnCalendar=*:0/15
Persistent=true
[Install]
WantedBy=timers.target
UNIT
    systemctl daemon-reload
    systemctl enable --now clickhouse-backup.timer
  fi
else
  chown -R clickhouse:clickhouse /etc/clickhouse-keeper
  systemctl enable --now clickhouse-keeper
fi
