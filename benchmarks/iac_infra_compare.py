"""Recall and precision per category on the labelled Dockerfile / Kubernetes / Terraform corpus.

    python benchmarks/iac_infra_compare.py            # ztlint, and checkov if installed
    python benchmarks/iac_infra_compare.py --labels   # rewrite labels.json from the markers

Corpus: benchmarks/iac/<area>/. A line `# expect: cat[, cat]` marks the next line that is
neither blank nor a comment; `labels.json` ({file: [{"line": N, "category": "..."}]}) is
written from the markers and is what the scoring reads. checkov is taken from
benchmarks/.venv-iac (`python -m venv benchmarks/.venv-iac && benchmarks/.venv-iac/bin/pip
install checkov`). A tool's finding counts when its rule/check maps to the label's category
and the labelled line lies in the finding's line range (checkov reports whole resources);
findings of mapped rules that match no label are false positives; unmapped rules/checks
(checkov's many "missing best practice" checks) are not scored.
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "iac"
AREAS = ["dockerfile", "kubernetes", "terraform"]
ZTLINT = Path(sys.executable).parent / "ztlint"
CHECKOV = HERE / ".venv-iac" / "bin" / "checkov"
MARKER = re.compile(r"^\s*#\s*expect:\s*(.+?)\s*$")

OIDC = {"oidc-aws-no-subject", "oidc-aws-any-repo", "oidc-aws-any-branch",
        "oidc-azure-wildcard", "oidc-gcp-no-condition", "oidc-gcp-pool-wide"}

ZTLINT_MAP = {
    "tf-aws-oidc-trust-no-subject": ["oidc-aws-no-subject"],
    "tf-aws-oidc-trust-any-repo": ["oidc-aws-any-repo"],
    "tf-aws-oidc-trust-any-branch": ["oidc-aws-any-branch"],
    "tf-azure-federated-credential-wildcard-subject": ["oidc-azure-wildcard"],
    "tf-gcp-wif-provider-no-condition": ["oidc-gcp-no-condition"],
    "tf-gcp-wif-binding-whole-pool": ["oidc-gcp-pool-wide"],
    "tf-s3-public-acl": ["public-storage"],
    "tf-s3-public-access-block-disabled": ["public-storage"],
    "tf-azure-storage-public-blob-access": ["public-storage"],
    "tf-gcp-public-iam-member": ["public-storage"],
    "tf-iam-resource-policy-public-principal": ["public-storage"],
    "tf-sg-admin-port-open-to-world": ["admin-port-open"],
    "tf-azure-nsg-admin-port-open-to-world": ["admin-port-open"],
    "tf-gcp-firewall-admin-port-open-to-world": ["admin-port-open"],
    "tf-storage-encryption-disabled": ["encryption-off"],
    "tf-https-not-enforced": ["https-off"],
    "tf-cloudfront-allows-http": ["https-off"],
    "tf-old-minimum-tls-version": ["old-tls"],
    "tf-azure-key-vault-purge-protection-off": ["keyvault-purge"],
    "tf-db-publicly-accessible": ["public-database"],
    "tf-database-open-to-internet": ["public-database"],
    "tf-aws-imdsv1-enabled": ["imdsv1"],
    "tf-aws-instance-imdsv2-not-required": ["imdsv1"],
    "tf-iam-policy-admin-wildcard": ["iam-wildcard"],
    "tf-iam-policy-admin-wildcard-json": ["iam-wildcard"],
    "k8s-privileged-container": ["privileged"],
    "k8s-allow-privilege-escalation": ["privilege-escalation"],
    "k8s-run-as-root": ["run-as-root"],
    "k8s-run-as-non-root-disabled": ["run-as-root"],
    "k8s-host-namespace": ["host-namespace"],
    "k8s-hostpath-sensitive": ["hostpath"],
    "k8s-dangerous-capability": ["capabilities"],
    "k8s-container-no-security-context": ["missing-security-context"],
    "k8s-container-no-resource-limits": ["missing-limits"],
    "k8s-image-unpinned": ["image-unpinned"],
    "k8s-rbac-wildcard": ["rbac-wildcard"],
    "docker-user-root": ["root-user"],
    "docker-missing-user": ["root-user"],
    "tf-redis-non-tls-port-enabled": ["https-off"],
    "docker-from-unpinned-tag": ["base-unpinned"],
    "docker-add-remote-url": ["add-url"],
    "docker-secret-in-env-arg": ["secret-env-arg"],
    "docker-curl-pipe-shell": ["curl-pipe-sh"],
    "docker-tls-verification-disabled": ["tls-off"],
    "docker-env-tls-verification-disabled": ["tls-off"],
}
# hardcoded credentials are found by the secret rules; which category depends on the area
SECRET_CATEGORY = {"terraform": "provider-credentials", "kubernetes": "plain-secret-env",
                   "dockerfile": "secret-env-arg"}

CHECKOV_MAP = {
    "CKV_AWS_393": ["oidc-aws-no-subject", "oidc-aws-any-repo", "oidc-aws-any-branch"],
    "CKV_AWS_358": ["oidc-aws-no-subject", "oidc-aws-any-repo", "oidc-aws-any-branch"],
    "CKV_GCP_118": ["oidc-gcp-no-condition", "oidc-gcp-pool-wide"],
    "CKV_GCP_125": ["oidc-gcp-no-condition", "oidc-gcp-pool-wide"],
    **{c: ["public-storage"] for c in ["CKV_AWS_20", "CKV_AWS_57", "CKV_AWS_53", "CKV_AWS_54",
                                       "CKV_AWS_55", "CKV_AWS_56", "CKV_AWS_70", "CKV_AZURE_190",
                                       "CKV2_AZURE_47", "CKV_AZURE_34", "CKV_GCP_28"]},
    **{c: ["admin-port-open"] for c in ["CKV_AWS_24", "CKV_AWS_25", "CKV_AWS_277", "CKV_AZURE_9",
                                        "CKV_AZURE_10", "CKV_GCP_2", "CKV_GCP_3"]},
    **{c: ["encryption-off"] for c in ["CKV_AWS_3", "CKV_AWS_16", "CKV_AWS_29"]},
    **{c: ["https-off"] for c in ["CKV_AZURE_3", "CKV_AZURE_14", "CKV_AWS_34", "CKV_AWS_30",
                                  "CKV_AWS_31", "CKV_GCP_6", "CKV_AZURE_28", "CKV_AZURE_29"]},
    **{c: ["old-tls"] for c in ["CKV_AZURE_44", "CKV_AZURE_15", "CKV_AWS_174", "CKV_AWS_103",
                                "CKV_GCP_4"]},
    "CKV_AWS_41": ["provider-credentials"],
    **{c: ["keyvault-purge"] for c in ["CKV_AZURE_110", "CKV_AZURE_42"]},
    **{c: ["public-database"] for c in ["CKV_AWS_17", "CKV_GCP_11", "CKV_AZURE_11", "CKV2_AZURE_34"]},
    "CKV_AWS_79": ["imdsv1"],
    **{c: ["iam-wildcard"] for c in ["CKV_AWS_1", "CKV_AWS_62", "CKV_AWS_63", "CKV_AWS_49",
                                     "CKV2_AWS_40"]},
    "CKV_K8S_16": ["privileged"],
    "CKV_K8S_20": ["privilege-escalation", "missing-security-context"],
    "CKV_K8S_23": ["run-as-root"],
    **{c: ["host-namespace"] for c in ["CKV_K8S_17", "CKV_K8S_18", "CKV_K8S_19"]},
    "CKV_K8S_27": ["hostpath"],
    **{c: ["capabilities"] for c in ["CKV_K8S_39", "CKV_K8S_25"]},
    **{c: ["missing-security-context"] for c in ["CKV_K8S_29", "CKV_K8S_30"]},
    **{c: ["missing-limits"] for c in ["CKV_K8S_11", "CKV_K8S_13"]},
    "CKV_K8S_14": ["image-unpinned"],
    "CKV_K8S_49": ["rbac-wildcard"],
    **{c: ["root-user"] for c in ["CKV_DOCKER_3", "CKV_DOCKER_8"]},
    "CKV_DOCKER_7": ["base-unpinned"],
    "CKV_DOCKER_4": ["add-url"],
    **{c: ["tls-off"] for c in ["CKV2_DOCKER_2", "CKV2_DOCKER_3", "CKV2_DOCKER_4", "CKV2_DOCKER_5",
                                "CKV2_DOCKER_6", "CKV2_DOCKER_7", "CKV2_DOCKER_8", "CKV2_DOCKER_9",
                                "CKV2_DOCKER_10", "CKV2_DOCKER_11", "CKV2_DOCKER_12",
                                "CKV2_DOCKER_13", "CKV2_DOCKER_14", "CKV2_DOCKER_15",
                                "CKV2_DOCKER_16", "CKV2_DOCKER_17"]},
}


def write_labels(area_dir: Path) -> dict:
    labels: dict[str, list] = {}
    for path in sorted(p for p in area_dir.iterdir() if p.is_file() and p.name != "labels.json"):
        lines = path.read_text().splitlines()
        pending: list[str] = []
        for number, line in enumerate(lines, 1):
            marker = MARKER.match(line)
            if marker:
                pending += [c.strip() for c in marker.group(1).split(",")]
            elif pending and line.strip() and not line.lstrip().startswith("#"):
                labels.setdefault(path.name, []).extend({"line": number, "category": c} for c in pending)
                pending = []
    (area_dir / "labels.json").write_text(json.dumps(labels, indent=1, sort_keys=True) + "\n")
    return labels


def run_ztlint(area_dir: Path, area: str) -> list[tuple[str, int, int, list[str], str]]:
    out = subprocess.run([str(ZTLINT), "scan", "--format", "json", "--no-progress", "-j", "1",
                          "--config", str(HERE / "iac_infra_compare.toml"), str(area_dir)],
                         capture_output=True, text=True, check=False)
    found = []
    for f in json.loads(out.stdout)["findings"]:
        rule = f["rule"]
        cats = ZTLINT_MAP.get(rule) or ([SECRET_CATEGORY[area]] if rule.startswith("secret-") else [])
        found.append((Path(f["path"]).name, f["start"]["line"], f["end"]["line"], cats, rule))
    return found


def run_checkov(area_dir: Path) -> list[tuple[str, int, int, list[str], str]]:
    out = subprocess.run([str(CHECKOV), "-d", str(area_dir), "--framework", "terraform", "kubernetes",
                          "dockerfile", "-o", "json", "--quiet", "--compact", "--skip-download"],
                         capture_output=True, text=True, check=False)
    reports = json.loads(out.stdout or "[]")
    reports = reports if isinstance(reports, list) else [reports]
    found = []
    for report in reports:
        for f in report.get("results", {}).get("failed_checks", []):
            start, end = f["file_line_range"]
            found.append((Path(f["file_path"]).name, start, end, CHECKOV_MAP.get(f["check_id"], []),
                          f["check_id"]))
    return found


def score(labels: dict, found: list) -> dict[str, list[int]]:
    """category -> [tp, fn, fp]"""
    result: dict[str, list[int]] = {}
    matched: set[tuple[str, int, str]] = set()
    for name, start, end, cats, _rule in found:
        hit = False
        for label in labels.get(name, []):
            if label["category"] in cats and start <= label["line"] <= max(end, start):
                matched.add((name, label["line"], label["category"]))
                hit = True
        if cats and not hit:
            result.setdefault(cats[0], [0, 0, 0])[2] += 1
    for name, items in labels.items():
        for label in items:
            key = (name, label["line"], label["category"])
            result.setdefault(label["category"], [0, 0, 0])[0 if key in matched else 1] += 1
    return result


def fmt(tp: int, fn: int, fp: int) -> str:
    recall = f"{tp / (tp + fn):.2f}" if tp + fn else "  - "
    precision = f"{tp / (tp + fp):.2f}" if tp + fp else "  - "
    return f"R {recall} P {precision} ({tp}/{tp + fn}, fp {fp})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--labels", action="store_true", help="rewrite labels.json from markers")
    parser.add_argument("--verbose", action="store_true", help="list misses and false positives")
    args = parser.parse_args()
    tools = {"ztlint": run_ztlint}
    if CHECKOV.exists() or shutil.which("checkov"):
        tools["checkov"] = lambda d, _a: run_checkov(d)
    else:
        print("checkov not installed in benchmarks/.venv-iac: skipped")
    totals = {t: [0, 0, 0] for t in tools}
    oidc_ok = True
    for area in AREAS:
        area_dir = CORPUS / area
        labels = write_labels(area_dir) if args.labels else json.loads((area_dir / "labels.json").read_text())
        files = sum(1 for p in area_dir.iterdir() if p.name != "labels.json")
        per_tool = {}
        for tool, run in tools.items():
            began = time.perf_counter()
            found = run(area_dir, area)
            seconds = time.perf_counter() - began
            per_tool[tool] = score(labels, found)
            print(f"{area} / {tool}: {seconds / files * 1000:.0f} ms per file "
                  f"({files} files, one process incl. start-up)")
            if args.verbose:
                for name, start, end, cats, rule in found:
                    if cats and not any(l["category"] in cats and start <= l["line"] <= max(end, start)
                                        for l in labels.get(name, [])):
                        print(f"   FP {name}:{start} {rule}")
        for category in sorted({c for r in per_tool.values() for c in r}):
            row = "   ".join(f"{tool} {fmt(*per_tool[tool].get(category, [0, 0, 0]))}" for tool in tools)
            print(f"  {category:26} {row}")
            for tool in tools:
                counts = per_tool[tool].get(category, [0, 0, 0])
                totals[tool] = [a + b for a, b in zip(totals[tool], counts)]
            tp, fn, _ = per_tool["ztlint"].get(category, [0, 0, 0])
            if category in OIDC and tp + fn and tp / (tp + fn) < 0.9:
                oidc_ok = False
    for tool, counts in totals.items():
        print(f"overall {tool}: {fmt(*counts)}")
    print(f"every OIDC category recall >= 0.9 (ztlint): {'yes' if oidc_ok else 'NO'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
