#!/usr/bin/env bash
# A single-node Slurm cluster on localhost for the job-array test (test/deploy/slurm.test.ts):
# Debian's munge, slurmctld and slurmd, one node and one partition, started without systemd.
# Safe to run again: installs only what is missing and starts only what is not running.
# Needs root (or sudo) and apt-get.
set -euo pipefail

if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
  echo "start-slurm: need root to install and start Slurm" >&2
  exit 1
fi

if ! command -v slurmctld >/dev/null 2>&1 || ! command -v slurmd >/dev/null 2>&1 || ! command -v sinfo >/dev/null 2>&1 || ! command -v munged >/dev/null 2>&1; then
  echo "start-slurm: installing munge, slurmctld, slurmd, slurm-client"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends munge slurmctld slurmd slurm-client >/dev/null
fi

# munge: one key, its daemon running as the munge user.
if [ ! -s /etc/munge/munge.key ]; then
  $SUDO mungekey --create --force 2>/dev/null || $SUDO dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
fi
$SUDO mkdir -p /run/munge /var/log/munge /var/lib/munge
$SUDO chown -R munge:munge /etc/munge /run/munge /var/log/munge /var/lib/munge
$SUDO chmod 0400 /etc/munge/munge.key
if ! pgrep -x munged >/dev/null 2>&1; then
  $SUDO runuser -u munge -- /usr/sbin/munged
fi

# slurm.conf for this host alone: its CPUs as slurmd sees them, cores as the consumable.
node=$(hostname -s)
cpus=$(nproc)
mem=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 / 2 ))
$SUDO mkdir -p /etc/slurm /var/spool/slurmctld /var/spool/slurmd /var/log/slurm
$SUDO tee /etc/slurm/slurm.conf >/dev/null <<CONF
ClusterName=quadrant-ci
SlurmctldHost=${node}(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
NodeName=${node} NodeAddr=127.0.0.1 CPUs=${cpus} RealMemory=${mem} State=UNKNOWN
PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF

pgrep -x slurmctld >/dev/null 2>&1 || $SUDO slurmctld
pgrep -x slurmd >/dev/null 2>&1 || $SUDO slurmd

# Ready when the node is idle (or mixed/allocated, when jobs already run).
for _ in $(seq 1 30); do
  state=$(sinfo -h -N -o '%t' 2>/dev/null | sed -n 1p || true)
  case "$state" in idle|mix|alloc) echo "start-slurm: node ${node} ${state}, ${cpus} CPUs"; exit 0 ;; esac
  sleep 1
done
echo "start-slurm: the node did not come up; see /var/log/slurm/" >&2
sinfo >&2 || true
tail -20 /var/log/slurm/slurmctld.log /var/log/slurm/slurmd.log >&2 || true
exit 1
