# start_nginx ROOT: Debian's nginx serving ROOT on 127.0.0.1 at a free port, with its own
# configuration, logs and temporary files in $SCRATCH/nginx (no root needed). Sets
# NGINX_URL (http://127.0.0.1:PORT) and nginx_pid; stop_nginx stops it, and the test's
# EXIT trap should too. Besides ROOT at /, it serves ROOT slowly at /slow/ (32 kB/s) and
# answers 500 to everything under /broken/, and ignores Range headers under /norange/.
# The access log ($SCRATCH/nginx/access.log) has the status and the bytes sent of each
# request.
command -v nginx >/dev/null || fail "nginx is not installed (packaging/build-deps.txt)"

start_nginx() {
  local root=$1 dir="$SCRATCH/nginx"
  mkdir -p "$dir/tmp"
  if [ -z "${NGINX_PORT:-}" ]; then
    NGINX_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  fi
  local user=""
  [ "$(id -u)" != 0 ] || user="user root;"
  cat >"$dir/nginx.conf" <<CONF
$user
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/error.log;
events { worker_connections 1024; }
http {
  access_log $dir/access.log;
  log_format fleet '\$status \$bytes_sent \$request_method \$uri';
  client_body_temp_path $dir/tmp; proxy_temp_path $dir/tmp; fastcgi_temp_path $dir/tmp;
  uwsgi_temp_path $dir/tmp; scgi_temp_path $dir/tmp;
  types { application/toml toml; application/octet-stream bundle zst minisig; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    access_log $dir/access.log fleet;
    root $root;
    location /slow/ { alias $root/; limit_rate 32k; }
    location /broken/ { return 500; }
    location /norange/ { alias $root/; max_ranges 0; }
  }
}
CONF
  nginx -e "$dir/error.log" -p "$dir" -c "$dir/nginx.conf" || fail "nginx did not start: $(cat "$dir/error.log")"
  wait_until "nginx on port $NGINX_PORT" 10 nginx_listens
  NGINX_URL="http://127.0.0.1:$NGINX_PORT"
  nginx_pid=$(cat "$dir/nginx.pid")
}

nginx_listens() { (exec 3<>"/dev/tcp/127.0.0.1/$NGINX_PORT") 2>/dev/null; }

stop_nginx() {
  [ -n "${nginx_pid:-}" ] || return 0
  kill "$nginx_pid" 2>/dev/null || true
  wait_until "nginx to stop" 10 exited "$nginx_pid"
  nginx_pid=""
}
