# expect: base-unpinned, root-user
FROM python:latest
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1
# expect: secret-env-arg
ENV DJANGO_SECRET_KEY=9f2c7e1b4a6d8e0f3c5b7a9d1e3f5a7c
# expect: secret-env-arg
ARG PYPI_TOKEN=pypi-AgEIcHlwaS5vcmcCJGQ4ZDk3ZDcwLWE5
WORKDIR /app
# expect: tls-off
RUN pip install --trusted-host pypi.org --trusted-host files.pythonhosted.org -r requirements.txt
# expect: unpinned-install
RUN pip install gunicorn
COPY . .
CMD ["gunicorn", "app.wsgi"]
