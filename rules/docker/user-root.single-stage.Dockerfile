# ruleid: docker-missing-user
FROM ubuntu:24.04
RUN apt-get update && apt-get install -y --no-install-recommends nginx
CMD ["nginx", "-g", "daemon off;"]
