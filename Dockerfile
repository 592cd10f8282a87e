# One image for both the `indexer` (one-shot) and `api` services of docker-compose.yml.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app

# Runtime dependencies only (requirements-dev.txt is for tests), first so that code
# changes do not invalidate this layer.
COPY requirements.txt ./
RUN pip install -r requirements.txt

COPY gunicorn.conf.py ./
COPY arabic_search ./arabic_search
COPY indexer ./indexer
COPY service ./service
COPY seeds ./seeds

RUN useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin app
USER app

EXPOSE 5000
# The api's healthcheck is in docker-compose.yml (the indexer shares this image).
CMD ["gunicorn", "-c", "gunicorn.conf.py", "service:create_app()"]
