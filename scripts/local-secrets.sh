# Sourced by run.sh: secrets for the local run, generated once under .local/secrets and reused.
# An operator's own environment variables win over the generated ones.
SECRETS_DIR="$LOCAL/secrets"
mkdir -p "$SECRETS_DIR"
chmod 700 "$SECRETS_DIR"

local_secret() { # name, generator command
  local file="$SECRETS_DIR/$1"
  if [ ! -s "$file" ]; then
    (umask 077; eval "$2" >"$file")
  fi
  cat "$file"
}
