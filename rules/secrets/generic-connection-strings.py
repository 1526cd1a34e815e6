import os

from sqlalchemy import create_engine

# ruleid: secret-url-credentials
engine = create_engine("postgresql+psycopg2://app:9vK!p2Rt-xq@db.prod.internal:5432/app")
# ruleid: secret-url-credentials
BROKER_URL = "amqps://worker:Qm7!vX2pLr@mq.internal.acme.io/jobs"
# ruleid: secret-url-credentials
CACHE = "rediss://default:Zr8wq2Lm4Vx9@cache-7.acme.io:6380/0"
# ruleid: secret-url-credentials
MONGO = "mongodb+srv://svc-reports:T4nq8Wz1Kx@cluster0.ab12c.mongodb.net/reports"
# ruleid: secret-url-credentials
SESSIONS = "redis://:Hq3vT8mZ-p41Lw@sessions-2.acme.io:6379/0"
# ok: secret-url-credentials
SESSIONS_FROM_ENV = "redis://:${REDIS_PASSWORD}@sessions-2.acme.io:6379/0"
# ruleid: secret-url-credentials-localhost
DEV_DB = "mysql://root:r00t-Dev!pw@localhost:3306/app"
# ok: secret-url-credentials, secret-url-credentials-localhost
DEV_DB2 = "postgres://postgres:postgres@localhost:5432/app"
# ok: secret-url-credentials-localhost
DEV_DB3 = "postgres://app:${PGPASSWORD}@127.0.0.1:5432/app"
# ok: secret-url-credentials
engine = create_engine(os.environ["DATABASE_URL"])
# ok: secret-url-credentials
TEMPLATE = "postgresql://{user}:{password}@{host}:5432/{db}"
# ok: secret-url-credentials
URL = f"postgresql://{user}:{pw}@{host}/app"
# ok: secret-url-credentials
URL2 = "postgresql://%s:%s@%s/app" % (user, pw, host)
# ok: secret-url-credentials
DOC = "postgres://user:password@host:5432/db"
# ok: secret-url-credentials
DOC2 = "postgres://app:${DB_PASSWORD}@db.prod.internal/app"
# ok: secret-url-credentials
DOC3 = "redis://:****@cache.internal:6379"
# ok: secret-url-credentials
DOC4 = "amqp://guest:guest@rabbitmq.internal:5672/"
# ok: secret-url-credentials
DOC5 = "https://alice:S3cr3t-pw@example.com/private"
# ok: secret-url-credentials
DOC6 = "postgres://app:<password>@db.prod.internal/app"
# ok: secret-url-credentials
EMPTY = "redis://user:@cache.internal:6379/0"
# ok: secret-url-credentials
NAMED = "dynamodb://aws_access_key_id:aws_secret_access_key@region:port/table"
# ok: secret-url-credentials
PROXY = "socks://your-name%40gmail.com:abcdef12345124@br41.nordvpn.com"
# ok: secret-url-credentials
GIT = "git@github.com:acme/app.git"
# ok: secret-url-credentials
SSH = "ssh://git@github.com:22/acme/app.git"
# ok: secret-url-credentials
MAILTO = "https://docs.acme.io/@team:release"

# ruleid: secret-url-query-credential
FORECAST = "https://api.weather.acme.io/v1/forecast?city=Oslo&api_key=7d1e4b9c2a6f8e3d5b0c"
# ruleid: secret-url-query-credential
WEBHOOK = "https://hooks.acme.io/notify?access_token=q8Zr2LmV7xNc4TyB1sKd"
# ok: secret-url-query-credential
FORECAST2 = "https://api.weather.acme.io/v1/forecast?city=Oslo&api_key=${WEATHER_KEY}"
# ok: secret-url-query-credential
FORECAST3 = "https://api.weather.acme.io/v1/forecast?city=Oslo&api_key=API_KEY"
# ok: secret-url-query-credential
FORECAST4 = "https://api.weather.acme.io/v1/forecast?city=Oslo&api_key={key}"
# ok: secret-url-query-credential
PAGE = "https://api.acme.io/v1/items?page_token=2&limit=50"
# ok: secret-url-query-credential
BADGE = "https://codecov.io/gh/acme/app/branch/main/graph/badge.svg?token=yZL6LtXkOA"
# ok: secret-url-query-credential
RESET = "https://acme.io/reset?token=abc"

# ok: secret-connection-string-password
conn = psycopg.connect(host=host, user="app", password=os.environ["DB_PASSWORD"])
# ok: secret-connection-string-password
conn = psycopg.connect(host=host, user="app", password=db_password)
# ok: secret-connection-string-password
conn = psycopg.connect(host=host, user="app", password=PASSWORD)
# ruleid: secret-connection-string-password
conn = psycopg.connect("host=db.prod.internal user=app password=Zr8wq2Lm4Vx9 dbname=app")
