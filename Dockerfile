# The marketplace host: one image serves GraphQL on 8080 (and, when Server__GrpcPort is set, module contracts); the same
# image runs every process of the split topology (docker-compose.split.yml). It packs exactly what scripts/publish.sh
# makes (self-contained linux-x64), the artifact CI smoke-tests with scripts/smoke.sh: change them together.
# (It cannot be built on the development machine, which has no container registry.)
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN ./scripts/publish.sh /app

# Self-contained: the runtime is in /app, the image only needs the native dependencies .NET and Media use.
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0
# The Media module's native tools, as scripts/services.sh installs them: ffmpeg/ffprobe (HLS, probing) and the
# distribution's libvips with libheif + libde265 (AVIF/WebP, iPhone HEIC; docs/adr/0009-heic-uploads.md), plus a font
# for the generated demo images. Debian 12 calls the library libvips42 with libheif's codecs built in; newer
# distributions call it libvips42t64 and ship libheif's codecs as plugins, which must then be installed by name.
RUN apt-get update \
    && pkgs="ffmpeg fonts-dejavu-core libde265-0" \
    && if apt-cache show libvips42t64 >/dev/null 2>&1; \
       then pkgs="$pkgs libvips42t64 libheif-plugin-libde265 libheif-plugin-aomenc libheif-plugin-dav1d"; \
       else pkgs="$pkgs libvips42 libheif1"; fi \
    && apt-get install -y --no-install-recommends $pkgs \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_ENVIRONMENT=Production \
    Server__BindAddress=0.0.0.0 \
    Server__HttpPort=8080 \
    Modules__Media__Storage__LocalDisk__Root=/data/media
EXPOSE 8080
# Local-disk media (the single-container default) lives in a volume the app user owns.
RUN mkdir -p /data/media && chown "$APP_UID" /data/media
VOLUME /data/media
USER $APP_UID
ENTRYPOINT ["./Marketplace.Host"]
