# Election Center served by Debian's nginx with the configuration kept in hosting/ (HOSTING.md
# → A container). Build the site first, then the image:
#   make build SITE_URL=https://elections.example.org/
#   docker build -t election-center .   (or: podman build -t election-center .)
#   docker run --rm -p 8080:80 election-center
# The build's own headers (its CSP) arrive with it as dist/_headers.nginx, which
# hosting/nginx.conf includes; `make e2e-nginx` runs the browser tests on this configuration,
# and `make container-check` builds this image, runs it and checks what it serves.
FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends nginx-light libnginx-mod-http-brotli-static \
 && rm -rf /var/lib/apt/lists/* /etc/nginx/sites-enabled/* \
 && ln -sf /dev/stdout /var/log/nginx/access.log && ln -sf /dev/stderr /var/log/nginx/error.log
COPY hosting/nginx.conf /etc/nginx/sites-enabled/election-center.conf
COPY dist/ /srv/election-center/
EXPOSE 80
CMD ["nginx", "-g", "daemon off;"]
