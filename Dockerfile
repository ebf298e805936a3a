# syntax=docker/dockerfile:1
#
# Rushes as a container: the self-contained linux-x64 publish of the rushes command line (with its
# bundled plugins/ and specs/) on Debian bookworm-slim, with ffmpeg for movie deliverables. One image
# for every way of running it at scale (docs/FARM.md): a Kubernetes Indexed Job or an AWS Batch array
# running `rushes render --units UNITS.json` (the unit index comes from the environment), a pool of
# queue workers, or an OpenJD/OpenCue farm task.
#
# It is built to run with a read-only root file system: everything it writes goes to the output folder
# it is given and to /scratch (temporary files, caches, HOME), a volume that Kubernetes fills with an
# emptyDir. CI cannot run this file (no container engine); .ci/debootstrap-check proves the same
# publish on a bare bookworm root instead.
#
#   docker build -t rushes .
#   docker run --rm --read-only -v rushes-scratch:/scratch -v "$PWD/out:/out" rushes demo --out /out/demo

ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG RUNTIME_IMAGE=debian:bookworm-slim

FROM ${SDK_IMAGE} AS build
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
WORKDIR /src
# Restore first, from the project files alone, so that a source change reuses the package layer.
COPY global.json nuget.config Directory.Build.props Directory.Packages.props ./
COPY contracts/ contracts/
COPY host/ host/
COPY plugins/ plugins/
COPY templates/ templates/
# Self-contained: the runtime comes with rushes, so the image needs no .NET install. The plugins stay
# portable (the CLI's PublishFirstPartyPlugins target) and load into that runtime.
RUN dotnet publish host/Rushes.Cli -c Release -r linux-x64 --self-contained -o /out

FROM ${RUNTIME_IMAGE} AS runtime
# What the self-contained runtime needs beyond the base image: OpenSSL (hashing), CA certificates and
# time zones; then ffmpeg (movie deliverables) and DejaVu, the ffmpeg plugin's default burn-in font.
# No ICU: rushes runs in .NET's invariant globalization mode (Directory.Build.props).
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      libssl3 ca-certificates tzdata ffmpeg fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*

# A fixed numeric user, so that Kubernetes' runAsNonRoot can check it without reading /etc/passwd.
RUN groupadd --system --gid 10001 rushes \
 && useradd --system --uid 10001 --gid 10001 --home-dir /scratch --no-create-home --shell /usr/sbin/nologin rushes \
 && mkdir -p /scratch \
 && chown 10001:10001 /scratch

# Owned by root and not writable by the user: plugin folders are checked against their manifests' hashes.
COPY --from=build /out /opt/rushes
RUN ln -s /opt/rushes/rushes /usr/local/bin/rushes

# Nothing may write outside /scratch and the output folders. TMPDIR is where .NET's temporary files go;
# HOME and XDG_CACHE_HOME take fontconfig's cache (ffmpeg burn-ins); diagnostics off means no IPC
# socket or perf map files; the bundle base matters only if a single-file build is ever used.
ENV HOME=/scratch \
    TMPDIR=/scratch \
    XDG_CACHE_HOME=/scratch/.cache \
    DOTNET_EnableDiagnostics=0 \
    DOTNET_BUNDLE_EXTRACT_BASE_DIR=/scratch/.dotnet-bundle \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1

USER 10001:10001
WORKDIR /scratch
VOLUME ["/scratch"]
# SIGTERM cancels the running unit cleanly (staging removed, nothing half-published); exit code 130.
STOPSIGNAL SIGTERM
ENTRYPOINT ["/opt/rushes/rushes"]
CMD ["--help"]
