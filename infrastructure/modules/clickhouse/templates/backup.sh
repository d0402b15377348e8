#!/bin/bash
# Backs up this shard (run on its first replica) to the backup disk (S3):
# a full backup once a day, incremental ones on top of it every 15 minutes.
set -euo pipefail
. /etc/clickhouse-bootstrap/env
day=$(date -u +%Y-%m-%d)
stamp=$(date -u +%Y-%m-%dT%H%M)
base="shard-$SHARD/$day/full"
if ! clickhouse-client --query "SELECT 1 FROM system.backups WHERE name LIKE '%$base%' AND status = 'BACKUP_CREATED' LIMIT 1" | grep -q 1; then
  clickhouse-client --query "BACKUP ALL EXCEPT DATABASES system, INFORMATION_SCHEMA, information_schema TO Disk('backups', '$base')"
else
  clickhouse-client --query "BACKUP ALL EXCEPT DATABASES system, INFORMATION_SCHEMA, information_schema TO Disk('backups', 'shard-$SHARD/$day/$stamp') SETTINGS base_backup = Disk('backups', '$base')"
fi
