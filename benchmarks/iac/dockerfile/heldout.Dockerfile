# Written after the rules, but before running them on it (held-out variants).
# expect: base-unpinned, root-user
FROM node
# expect: secret-env-arg
ENV NPM_TOKEN=npm_Xq4b8T2kLm9Pz7Rv3Wc6Yd1Fh5Jn0Gs8Ue2A
# expect: curl-pipe-sh
RUN wget -qO- https://deb.nodesource.com/setup_20.x | sudo -E bash -
# expect: tls-off
RUN git config --global http.sslVerify false
# expect: add-url
ADD http://downloads.example.com/agent.jar /opt/agent.jar
COPY . /app
CMD ["node", "/app/server.js"]
