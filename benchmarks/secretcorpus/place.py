"""How items are rendered into file bodies: per-item blocks, AWS key pairs, YAML, Terraform and
INI sections, file headers and footers, and whole text and JSON files.
"""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

from . import filler as F
from . import render as R
from . import tokens as T
from .render import Ln, tag
from .specs import FileSpec, Item


# ---------------------------------------------------------------------------------------------
# rendering items into file bodies
# ---------------------------------------------------------------------------------------------
def _header_neg_expr(fmt, rng):
    var = rng.choice(["token", "accessToken", "apiToken"]) if fmt in ("js", "ts", "java", "go", "cs") else "token"
    return {
        "py": (f'f"Bearer {{{var}}}"', True), "js": (f"`Bearer ${{{var}}}`", True), "ts": (f"`Bearer ${{{var}}}`", True),
        "go": (f'"Bearer " + {var}', True), "java": (f'"Bearer " + {var}', True), "cs": (f'$"Bearer {{{var}}}"', True),
        "rb": (f'"Bearer #{{{var}}}"', True), "php": ("'Bearer ' . $token", True),
        "sh": (rng.choice(["Bearer $API_TOKEN", "Bearer ${API_TOKEN}", "Bearer $(gcloud auth print-access-token)"]), False),
        "yml": (rng.choice(["Bearer ${API_TOKEN}", "Bearer ${{ secrets.API_TOKEN }}"]), False),
        "md": (rng.choice(["Bearer <token>", "Bearer YOUR_ACCESS_TOKEN", "Bearer $TOKEN"]), False),
        "txt": ("Bearer <redacted>", False), "json": ("Bearer {{token}}", False),
        "Dockerfile": ("Bearer ${API_TOKEN}", False),
    }[fmt]


def render_item(it: Item, f: FileSpec, rng, keys) -> list:
    fmt, flavor = f.fmt, f.flavor
    if fmt == "yml":
        return render_yml(it, f, rng)
    if fmt == "tf":
        return render_tf(it, rng)
    if fmt == "ini":
        return render_ini(it, rng)
    sh = it.shape
    if sh == "kv":
        return R.kv(fmt, flavor, it.words, it.value, it.id, rng)
    if sh == "env":
        return R.env_ref(fmt, flavor, it.words, it.id, rng)
    if sh == "pem":
        return R.pem_block(fmt, flavor, it.words, it.value, it.id, rng)
    if sh == "cmd":
        return R.command_block(fmt, flavor, it.value, it.id, rng)
    if sh == "header":
        return R.header_block(fmt, flavor, it.extra["header"], it.value, it.id, rng)
    if sh == "header_neg":
        expr, raw = _header_neg_expr(fmt, rng)
        it.value = expr
        return R.header_block(fmt, flavor, "Authorization", expr, it.id, rng, raw=raw)
    if sh == "aws_pair":
        return render_aws_pair(it, f, rng)
    if sh == "firebase":
        proj = rng.choice(["acme-prod", "globex-web", "storefront-7c1e2"])
        sender = str(rng.randint(10**11, 10**12 - 1))
        lines = ["const firebaseConfig = {", f'  apiKey: "{it.value}",', f'  authDomain: "{proj}.firebaseapp.com",',
                 f'  projectId: "{proj}",', f'  storageBucket: "{proj}.appspot.com",', f'  messagingSenderId: "{sender}",',
                 f'  appId: "1:{sender}:web:{T.hex_key(rng, 22)}",', "};", "", "export const app = initializeApp(firebaseConfig);", ""]
        return tag(lines, it.id, 1)
    if sh == "sha_cmd":
        tool = rng.choice(["gosu", "tini", "kubectl", "helm", "terraform"])
        line = f'echo "{it.value}  /tmp/{tool}.tar.gz" | sha256sum -c -'
        return tag([f"RUN {line}" if fmt == "Dockerfile" else line, ""], it.id)
    if sh == "digest":
        img = rng.choice(["python:3.12-slim", "node:20-alpine", "golang:1.22", "nginx:1.27", "eclipse-temurin:21-jre"])
        return tag([f"FROM {img}@sha256:{it.value} AS {rng.choice(['build', 'deps', 'runtime', 'tools'])}{rng.randint(1, 99)}", ""], it.id)
    if sh == "md_image":
        return tag([f"![{rng.choice(['status', 'logo', 'diagram'])}]({it.value})", ""], it.id)
    if sh == "prose":
        if fmt == "md":
            return tag([it.value, ""], it.id)
        if fmt == "txt":
            return tag([it.value, ""], it.id)
        return R.kv(fmt, flavor, ["description"], it.value, it.id, rng)
    if sh == "k8s_data":
        raise AssertionError("k8s_data outside k8s")
    raise ValueError(sh)


def _aws_parts(it: Item):
    parts = [("id", it), ("secret", it.extra["twin"])]
    if it.extra.get("session"):
        parts.append(("session", it.extra["session"]))
    return parts


def render_aws_pair(it: Item, f: FileSpec, rng) -> list:
    """Two or three labelled lines: key id (item ``it``), secret access key, and for temporary
    (ASIA) keys the session token."""
    fmt = f.fmt
    parts = _aws_parts(it)

    def lines(fmtline):
        return [Ln(fmtline(kind, x.value, k == len(parts) - 1), x.id) for k, (kind, x) in enumerate(parts)]
    if fmt == "py":
        if rng.random() < 0.5:
            names = {"id": "aws_access_key_id", "secret": "aws_secret_access_key", "session": "aws_session_token"}
            return ["s3 = boto3.client(", '    "s3",', *lines(lambda k, v, last: f'    {names[k]}="{v}",'),
                    f'    region_name="{rng.choice(["us-east-1", "eu-west-1"])}",', ")", ""]
        names = {"id": "AWS_ACCESS_KEY_ID", "secret": "AWS_SECRET_ACCESS_KEY", "session": "AWS_SESSION_TOKEN"}
        return [*lines(lambda k, v, last: f'{names[k]} = "{v}"'), ""]
    if fmt in ("js", "ts"):
        names = {"id": "accessKeyId", "secret": "secretAccessKey", "session": "sessionToken"}
        return ["const s3 = new S3Client({", f'  region: "{rng.choice(["us-east-1", "eu-west-1"])}",', "  credentials: {",
                *lines(lambda k, v, last: f'    {names[k]}: "{v}",'), "  },", "});", ""]
    if fmt == "go":
        body = lines(lambda k, v, last: f'\t\t"{v}",')
        if len(parts) == 2:
            body.append('\t\t"",')
        return ["func s3Credentials() aws.CredentialsProvider {", "\treturn credentials.NewStaticCredentialsProvider(",
                *body, "\t)", "}", ""]
    if fmt == "java":
        cls = "AwsSessionCredentials" if len(parts) == 3 else "AwsBasicCredentials"
        return [f"    private static final {cls} CREDENTIALS = {cls}.create(",
                *lines(lambda k, v, last: f'        "{v}"' + (");" if last else ",")), ""]
    if fmt == "cs":
        cls = "SessionAWSCredentials" if len(parts) == 3 else "BasicAWSCredentials"
        return [f"        private static readonly {cls} Credentials = new {cls}(",
                *lines(lambda k, v, last: f'            "{v}"' + (");" if last else ",")), ""]
    if fmt == "rb":
        return ["  Aws.config.update(", "    region: \"us-east-1\",", "    credentials: Aws::Credentials.new(",
                *lines(lambda k, v, last: f'      "{v}"' + ("" if last else ",")), "    )", "  )", ""]
    if fmt == "php":
        names = {"id": "key", "secret": "secret", "session": "token"}
        return ["$s3 = new S3Client([", "    'region' => 'us-east-1',", "    'credentials' => [",
                *lines(lambda k, v, last: f"        '{names[k]}' => '{v}',"), "    ],", "]);", ""]
    if fmt == "properties":
        names = {"id": "aws.access-key-id", "secret": "aws.secret-access-key", "session": "aws.session-token"}
        return lines(lambda k, v, last: f"{names[k]}={v}")
    if fmt in ("sh", "env", "md", "txt", "Dockerfile"):
        names = {"id": "AWS_ACCESS_KEY_ID", "secret": "AWS_SECRET_ACCESS_KEY", "session": "AWS_SESSION_TOKEN"}
        pre = {"sh": "export ", "Dockerfile": "ENV ", "env": "", "md": "export ", "txt": ""}[fmt]
        body = lines(lambda k, v, last: f"{pre}{names[k]}={v}")
        if fmt == "md":
            return ["```bash", *body, "```", ""]
        return body + [""]
    raise ValueError(fmt)


_section_counter = [0]


def _uniq(name):
    _section_counter[0] += 1
    return f"{name}_{_section_counter[0]}" if _section_counter[0] % 3 else name + str(_section_counter[0])


def _inner_block(it: Item, fmt: str, flavor: str, rng, shapes=("kv", "env", "pem")) -> list:
    """The block of a ``kv``, ``env`` or ``pem`` item inside a section of a YAML/Terraform/INI file."""
    if it.shape not in shapes:
        raise ValueError(it.shape)
    if it.shape == "kv":
        return R.kv(fmt, flavor, it.words, it.value, it.id, rng)
    if it.shape == "env":
        return R.env_ref(fmt, flavor, it.words, it.id, rng)
    return R.pem_block(fmt, flavor, it.words, it.value, it.id, rng)


def render_yml(it: Item, f: FileSpec, rng) -> list:
    flavor, sh = f.flavor, it.shape
    i = it.id
    if sh == "aws_pair":
        ynames = {"id": "AWS_ACCESS_KEY_ID", "secret": "AWS_SECRET_ACCESS_KEY", "session": "AWS_SESSION_TOKEN"}
        pair = [Ln(f"{ynames[k]}: {x.value}", x.id) for k, x in _aws_parts(it)]
        if flavor == "workflow":
            return ["- name: Upload artifacts", "  env:", *R.indent(pair, 4), "  run: aws s3 sync dist/ s3://acme-artifacts/"]
        if flavor == "compose":
            return [f"{rng.choice(R.NOUNS)}-uploader{i}:", "  image: amazon/aws-cli:2.15.0", "  environment:", *R.indent(pair, 4)]
        if flavor == "k8s":
            return ["---", "apiVersion: v1", "kind: Secret", "metadata:", f"  name: aws-credentials-{i}", "type: Opaque",
                    "stringData:", *R.indent(pair, 2)]
        cnames = {"id": "access_key_id", "secret": "secret_access_key", "session": "session_token"}
        return [f"aws_{i}:", *[Ln(f"  {cnames[k]}: {x.value}", x.id) for k, x in _aws_parts(it)], "  region: us-east-1"]
    if flavor == "workflow":
        if sh in ("kv", "env"):
            if sh == "kv":
                inner = tag([f"{R.upper(it.words)}: {R.yq(it.value, rng)}"], i)
            else:
                inner = R.env_ref("yml", "workflow", it.words, i, rng)
            return [f"- name: {rng.choice(['Configure', 'Deploy', 'Publish', 'Notify', 'Release'])} {rng.choice(R.NOUNS)}s",
                    "  env:", *R.indent(inner, 4), f"  run: ./scripts/{rng.choice(['deploy', 'publish', 'notify'])}.sh"]
        if sh == "cmd":
            return R.command_block("yml", "workflow", it.value, i, rng)
        if sh in ("header", "header_neg"):
            if sh == "header_neg":
                it.value = "Bearer ${{ secrets.API_TOKEN }}"
            cmd = f'curl -fsS -H "{it.extra.get("header", "Authorization")}: {it.value}" {rng.choice(R.APIS)}/deployments'
            return R.command_block("yml", "workflow", cmd, i, rng)
        if sh == "pinned":
            act = rng.choice(["actions/checkout", "actions/setup-node", "docker/login-action", "actions/cache",
                              "aws-actions/configure-aws-credentials"])
            return [Ln(f"- uses: {act}@{it.value} # v{rng.randint(2, 5)}.{rng.randint(0, 9)}.{rng.randint(0, 9)}", i)]
        if sh == "pem":
            raise AssertionError
        if sh == "prose":
            raise AssertionError
    if flavor == "k8s":
        name = f"{rng.choice(R.NOUNS)}-{i}"
        if sh == "kv" and it.kind == "positive" or sh == "pem":
            inner = R.pem_block("yml", "", it.words, it.value, i, rng) if sh == "pem" else \
                tag([f"{R.kebab(it.words) if rng.random() < 0.5 else R.upper(it.words)}: {R.yq(it.value, rng)}"], i)
            if sh == "kv" and rng.random() < 0.4:
                return ["---", "apiVersion: apps/v1", "kind: Deployment", "metadata:", f"  name: {name}", "spec:",
                        "  template:", "    spec:", "      containers:", f"        - name: {name}",
                        f"          image: acme/{name}:1.{rng.randint(0, 30)}", "          env:",
                        Ln(f"            - name: {R.upper(it.words)}", i, False),
                        Ln(f"              value: {R.dq(it.value)}", i)]
            return ["---", "apiVersion: v1", "kind: Secret", "metadata:", f"  name: {name}", "type: Opaque",
                    "stringData:", *R.indent(inner, 2)]
        if sh == "kv":
            return ["---", "apiVersion: v1", "kind: ConfigMap", "metadata:", f"  name: {name}-config", "data:",
                    *R.indent(tag([f"{R.upper(it.words)}: {R.dq(it.value)}"], i), 2)]
        if sh == "k8s_data":
            enc = base64.b64encode(it.value.encode()).decode()
            return ["---", "apiVersion: v1", "kind: Secret", "metadata:", f"  name: {name}", "type: Opaque", "data:",
                    Ln(f"  {R.kebab(it.words)}: {enc}", i)]
        if sh == "env":
            return ["---", "apiVersion: apps/v1", "kind: Deployment", "metadata:", f"  name: {name}", "spec:",
                    "  template:", "    spec:", "      containers:", f"        - name: {name}",
                    f"          image: acme/{name}:1.{rng.randint(0, 30)}", "          env:",
                    *R.indent(R.env_ref("yml", "k8s-env", it.words, i, rng), 12)]
        if sh == "cmd":
            return ["---", "apiVersion: batch/v1", "kind: Job", "metadata:", f"  name: {name}-job", "spec:",
                    "  template:", "    spec:", "      restartPolicy: Never", "      containers:",
                    f"        - name: {name}", "          image: acme/toolbox:2.3",
                    *R.indent(R.command_block("yml", "k8s", it.value, i, rng), 10)]
        if sh == "digest":
            img = rng.choice(["nginx", "redis", "acme/api", "postgres", "grafana/grafana"])
            return ["---", "apiVersion: apps/v1", "kind: Deployment", "metadata:", f"  name: {name}", "spec:",
                    "  template:", "    spec:", "      containers:", f"        - name: {name}",
                    Ln(f"          image: {img}@sha256:{it.value}", i)]
    if flavor == "compose":
        svc = f"{rng.choice(R.NOUNS)}-{i}"
        if sh == "kv":
            if rng.random() < 0.5:
                inner = tag([f"{R.upper(it.words)}: {R.yq(it.value, rng)}"], i)
            else:
                inner = tag([f"- {R.upper(it.words)}={it.value}" if R._PLAIN_SH.match(it.value) else
                             f"- \"{R.upper(it.words)}={it.value}\""], i)
            return [f"{svc}:", f"  image: acme/{svc}:latest", "  environment:", *R.indent(inner, 4)]
        if sh == "env":
            return [f"{svc}:", f"  image: acme/{svc}:latest", "  environment:",
                    *R.indent(tag([f"{R.upper(it.words)}: ${{{R.upper(it.words)}}}"], i), 4)]
        if sh == "cmd":
            return [f"{svc}:", "  image: acme/toolbox:2.3", *R.indent(R.command_block("yml", "compose", it.value, i, rng), 2)]
        if sh == "digest":
            img = rng.choice(["nginx", "redis", "postgres", "rabbitmq"])
            return [f"{svc}:", Ln(f"  image: {img}@sha256:{it.value}", i)]
    # config flavor (app config, Ansible group_vars, Helm values)
    sec = _uniq(rng.choice(["database", "cache", "smtp", "integrations", "storage", "queue", "auth", "payments",
                            "search", "notifications", "github", "registry"]))
    if sh in ("header", "header_neg"):
        if sh == "header_neg":
            it.value = "Bearer ${API_TOKEN}"
        inner = R.header_block("yml", "config", it.extra.get("header", "Authorization"), it.value, i, rng)
    else:
        inner = _inner_block(it, "yml", "config", rng)
    return [f"{sec}:", f"  endpoint: {rng.choice(R.APIS)}", *R.indent(inner, 2), f"  timeout: {rng.randint(2, 60)}"]


def render_tf(it: Item, rng) -> list:
    sh, i = it.shape, it.id
    if sh == "aws_pair":
        tnames = {"id": "access_key", "secret": "secret_key", "session": "token     "}
        return ['provider "aws" {', f'  region     = "{rng.choice(["us-east-1", "eu-west-1"])}"',
                *[Ln(f'  {tnames[k]} = "{x.value}"', x.id) for k, x in _aws_parts(it)], "}", ""]
    inner = _inner_block(it, "tf", "", rng)
    k = rng.randrange(4)
    n = rng.choice(R.NOUNS)
    if it.category == "password" and k < 2:
        return [f'resource "aws_db_instance" "{n}" {{', '  engine         = "postgres"', '  instance_class = "db.t3.medium"',
                f'  username       = "{rng.choice(R.USERS)}"', *inner, "}", ""]
    if k == 0:
        return [f'module "{n}_{i}" {{', f'  source = "./modules/{n}"', *inner, "}", ""]
    if k == 1:
        return ["locals {", *inner, "}", ""]
    if k == 2 and sh == "kv":
        return [f'variable "{R.snake(it.words)}_{i}" {{', "  type    = string",
                tag([f'  default = {R.dq(it.value)}'], i)[0], "}", ""]
    return [f'resource "kubernetes_secret" "{n}_{i}" {{', "  metadata {", f'    name = "{n}"', "  }", "  data = {",
            *R.indent(inner, 2), "  }", "}", ""]


def render_ini(it: Item, rng) -> list:
    sec = f"[{_uniq(rng.choice(['database', 'smtp', 'api', 'auth', 'storage', 'service', 'upstream']))}]"
    inner = _inner_block(it, "ini", "", rng, shapes=("kv", "env"))
    return [sec, f"host = {rng.choice(R.HOSTS)}", *inner, f"timeout = {rng.randint(2, 60)}", ""]


# ---------------------------------------------------------------------------------------------
# file headers and assembly
# ---------------------------------------------------------------------------------------------
def file_header(f: FileSpec, rng) -> list[str]:
    stem = Path(f.path).stem
    cls = re.sub(r"[^A-Za-z0-9]", "", stem) or "Config"
    if f.fmt == "py":
        return [f'"""{stem.replace("_", " ").capitalize()}: settings and clients for the {rng.choice(R.NOUNS)} service."""', "",
                "from __future__ import annotations", "", "import logging", "import os", "import subprocess", "import time",
                "from dataclasses import dataclass", "", "logger = logging.getLogger(__name__)", "", ""]
    if f.fmt in ("js", "ts"):
        return ['import { execSync } from "node:child_process";', 'import logger from "./logger";', ""]
    if f.fmt == "go":
        pkg = Path(f.path).parent.name.replace("-", "")
        return [f"package {pkg}", "", "import (", '\t"context"', '\t"encoding/json"', '\t"net/http"', '\t"os"', '\t"os/exec"', ")", ""]
    if f.fmt == "java":
        return ["package com.acme.orders;", "", "import java.net.URI;", "import java.net.http.HttpRequest;",
                "import java.util.*;", "", f"public class {cls} {{", ""]
    if f.fmt == "cs":
        return ["using System;", "using System.Net.Http;", "using System.Net.Http.Headers;", "using System.Threading;",
                "using System.Threading.Tasks;", "", "namespace Inventory.Api", "{", f"    public class {cls}", "    {"]
    if f.fmt == "rb":
        return ["# frozen_string_literal: true", "", f"module {cls.capitalize()}"]
    if f.fmt == "php":
        return ["<?php", "", "declare(strict_types=1);", ""]
    if f.fmt == "sh":
        return ["#!/usr/bin/env bash", "set -euo pipefail", "", 'log() { echo "[$(date +%H:%M:%S)] $*"; }', ""]
    if f.fmt == "Dockerfile":
        return [f"FROM {rng.choice(['python:3.12-slim', 'node:20-alpine', 'golang:1.22-bookworm', 'ruby:3.3', 'php:8.3-fpm', 'eclipse-temurin:21-jre'])}", ""]
    if f.fmt == "env":
        return [f"# {stem} environment for {rng.choice(['local development', 'staging', 'production', 'CI'])}", ""]
    if f.fmt == "properties":
        return ["# Spring Boot configuration", f"spring.application.name={rng.choice(R.NOUNS)}-service", ""]
    if f.fmt == "ini":
        return ["; service configuration", "[DEFAULT]", f"environment = {rng.choice(['prod', 'staging', 'dev'])}", ""]
    if f.fmt == "tf":
        return ['terraform {', '  required_version = ">= 1.5"', "}", ""]
    if f.fmt == "md":
        return [f"# {stem.replace('-', ' ').replace('_', ' ').title()}", ""]
    if f.fmt == "txt":
        return []
    if f.fmt == "yml":
        if f.flavor == "workflow":
            return [f"name: {stem}", "on:", "  push:", "    branches: [main]", "  workflow_dispatch:", "", "jobs:",
                    "  build:", "    runs-on: ubuntu-latest", "    steps:"]
        if f.flavor == "compose":
            return ["services:"]
        if f.flavor == "config":
            return [f"# {stem} settings", ""]
        return []
    raise ValueError(f.fmt)


def file_footer(f: FileSpec) -> list[str]:
    return {"java": ["}"], "cs": ["    }", "}"], "rb": ["end"]}.get(f.fmt, [])


BODY_INDENT = {("yml", "workflow"): 6, ("yml", "compose"): 2}


def build_text_file(f: FileSpec, rng, keys) -> list:
    lines = list(file_header(f, rng))
    ind = BODY_INDENT.get((f.fmt, f.flavor), 0)
    size = sum(len(x) + 1 for x in lines)
    filler_fmt = f.fmt
    flav = "ts" if f.fmt == "ts" else f.flavor
    if f.fmt == "yml" and f.flavor == "workflow":
        lines += R.indent(["- uses: actions/checkout@v4"], ind)
    for it in f.items:
        for _ in range(rng.randint(0, 2)):
            fl = F.filler(filler_fmt, rng, flav)
            lines += R.indent(fl, ind)
        block = render_item(it, f, rng, keys)
        lines += R.indent(block, ind)
        size = sum(len(x if isinstance(x, str) else x.text) + 1 for x in lines)
    while size < f.target_bytes:
        fl = F.filler(filler_fmt, rng, flav)
        if not fl:
            break
        lines += R.indent(fl, ind)
        size += sum(len(x) + 1 for x in fl)
    lines += file_footer(f)
    return lines


def build_json_file(f: FileSpec, rng) -> tuple[str, dict]:
    """JSON: build a dict with markers, dump it, then swap the markers for the values."""
    doc: dict = {}
    markers: dict[str, tuple[Item, str]] = {}

    def mark(it: Item, value: str, twin=None) -> str:
        m = f"@@M{len(markers)}@@"
        markers[m] = (it, value)
        return m

    if f.flavor == "appsettings":
        doc["Logging"] = {"LogLevel": {"Default": "Information", "Microsoft.AspNetCore": "Warning"}}
        doc["AllowedHosts"] = "*"
    else:
        doc["name"] = Path(f.path).stem
        doc["version"] = f"{rng.randint(0, 4)}.{rng.randint(0, 30)}.{rng.randint(0, 9)}"
    for it in f.items:
        n = rng.choice(R.NOUNS)
        sec = f"{n}{it.id}" if f.flavor != "appsettings" else f"{n.capitalize()}{it.id}"
        if it.shape == "kv":
            if it.category == "connection_string" and f.flavor == "appsettings":
                doc.setdefault("ConnectionStrings", {})[f"{n.capitalize()}Db{it.id}"] = mark(it, it.value)
                continue
            key = R.pascal(it.words) if f.flavor == "appsettings" else (R.camel(it.words) if rng.random() < 0.6 else R.snake(it.words))
            doc[sec] = {"endpoint": rng.choice(R.APIS), key: mark(it, it.value), "timeout": rng.randint(2, 60)}
        elif it.shape == "env":
            it.value = "${" + R.upper(it.words) + "}"
            doc[sec] = {R.camel(it.words): mark(it, it.value)}
        elif it.shape == "pem":
            esc_value = it.value + ("\n" if rng.random() < 0.5 else "")
            doc[sec] = {R.camel(it.words): mark(it, esc_value)}
        elif it.shape in ("header", "header_neg"):
            if it.shape == "header_neg":
                it.value = "Bearer {{token}}"
            doc[sec] = {"url": rng.choice(R.APIS), "method": "GET",
                        "headers": {it.extra.get("header", "Authorization"): mark(it, it.value), "Accept": "application/json"}}
        elif it.shape == "firebase":
            proj = rng.choice(["acme-prod", "globex-web"])
            sender = str(rng.randint(10**11, 10**12 - 1))
            doc["firebase"] = {"apiKey": mark(it, it.value), "authDomain": f"{proj}.firebaseapp.com", "projectId": proj,
                               "storageBucket": f"{proj}.appspot.com", "messagingSenderId": sender,
                               "appId": f"1:{sender}:web:{T.hex_key(rng, 22)}"}
        elif it.shape == "aws_pair":
            jnames = {"id": "accessKeyId", "secret": "secretAccessKey", "session": "sessionToken"}
            doc[sec] = {"region": "us-east-1", **{jnames[k]: mark(x, x.value) for k, x in _aws_parts(it)}}
        else:
            raise ValueError(it.shape)
    text = json.dumps(doc, indent=2)
    out_lines = []
    for ln in text.split("\n"):
        m = re.search(r"@@M\d+@@", ln)
        if m:
            it, value = markers[m.group(0)]
            out_lines.append(Ln(ln.replace(m.group(0), json.dumps(value)[1:-1]), it.id))
        else:
            out_lines.append(ln)
    return out_lines
