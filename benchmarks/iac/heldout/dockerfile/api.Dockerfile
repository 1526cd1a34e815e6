# Held-out: written before the session-6 rules, labelled by hand.
FROM python:3.12-slim@sha256:2b0079146a74e23bf4ae8f6a28e1b484c6292f6fb904cbb51825b4a19812fcd8 AS build
WORKDIR /src
# expect: unpinned-install
RUN apt-get update && apt-get install -y --no-install-recommends build-essential libpq-dev \
 && rm -rf /var/lib/apt/lists/*
COPY requirements.txt .
RUN pip install --no-cache-dir --require-hashes -r requirements.txt
RUN pip install --no-cache-dir poetry==1.8.3
COPY . .
RUN pip wheel --no-deps -w /wheels .

FROM python:3.12-slim@sha256:2b0079146a74e23bf4ae8f6a28e1b484c6292f6fb904cbb51825b4a19812fcd8
RUN apt-get update && apt-get install -y --no-install-recommends libpq5=15.8-0+deb12u1 \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir /wheels/*.whl
RUN useradd --uid 10001 --create-home app
USER app
CMD ["gunicorn", "app:create_app()", "-b", "0.0.0.0:8000"]
