# Sourced by the benchmarks: fills two volumes shaped like the seed's caches, through their mount points.
#   seed_caches PIP_VOLUME WHISPER_VOLUME
# pip: about 20,000 small cached responses (2 KiB to 30 KiB, in pip's fan-out) and 150 wheels of about 3.7 MB,
# about 0.9 GB; whisper: two model files of 75 MB and 142 MB (random bytes).
seed_caches() {
  local pip whisper
  pip="$(docker volume inspect -f '{{.Mountpoint}}' "$1")"
  whisper="$(docker volume inspect -f '{{.Mountpoint}}' "$2")"
  if [ ! -w "$pip" ] || [ ! -w "$whisper" ]; then
    echo "The mount points are not writable here: run this as root, with the engine on this host." >&2
    return 1
  fi
  python3 - "$pip" <<'PY'
import os, random, sys
root = sys.argv[1]
rng = random.Random(42)
for i in range(20000):
    d = os.path.join(root, "http-v2", "%02x" % (i % 256), "%02x" % (i // 256 % 256))
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "%040x.body" % i), "wb") as f:
        f.write(os.urandom(rng.randint(2048, 30000)))
os.makedirs(os.path.join(root, "wheels"), exist_ok=True)
for i in range(150):
    with open(os.path.join(root, "wheels", "package_%03d-1.0-py3-none-any.whl" % i), "wb") as f:
        f.write(os.urandom(rng.randint(3_000_000, 4_400_000)))
os.makedirs(os.path.join(root, "selfcheck"), exist_ok=True)
open(os.path.join(root, "selfcheck", "state.json"), "w").write("{}")
PY
  head -c 75572083 /dev/urandom > "$whisper/tiny.pt"
  head -c 145262807 /dev/urandom > "$whisper/base.pt"
}

# The milliseconds the command takes, its output discarded; fails when it fails.
millis() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; return 1; }
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
