# The image of compose.yaml's web and scheduler services. Dependencies come from the lock at
# build time (requirements/production.txt, hashes checked: `make lock` writes it), so a start
# installs nothing; our own package goes in last, alone, so a code change rebuilds one layer.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1

WORKDIR /app
COPY requirements/production.txt requirements/production.txt
RUN pip install --require-hashes -r requirements/production.txt
COPY . .
RUN pip install --no-deps --no-build-isolation . && rm -rf build

# The services run as a user of their own; var/ (the crawls' HTTP cache) is theirs to write.
RUN useradd --create-home --uid 1000 lll && mkdir -p var && chown lll var
USER lll
CMD ["lll", "--help"]
