FROM ubuntu:24.04
# ok: docker-sudo-in-run
RUN apt-get update && apt-get install -y --no-install-recommends \
    sudo \
    ca-certificates
# ok: docker-sudo-in-run
RUN useradd -m app && usermod -aG sudo app && echo "app ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/app
USER app
# ruleid: docker-sudo-in-run
RUN sudo apt-get update
# ruleid: docker-sudo-in-run
RUN mkdir -p /home/app/bin && \
    sudo chown -R app /opt
# ruleid: docker-sudo-in-run
RUN echo "deb http://example.com stable main" | sudo tee /etc/apt/sources.list.d/x.list
# ruleid: docker-sudo-in-run
RUN ["sudo", "make", "install"]
# ok: docker-sudo-in-run
RUN echo "run pseudo commands" && visudo -c
