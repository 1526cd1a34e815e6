FROM python:3.12-slim AS base
RUN useradd --system --uid 10001 app
USER app

# ok: docker-missing-user
FROM base
COPY . /app
CMD ["python", "/app/main.py"]
