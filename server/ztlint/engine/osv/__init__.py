"""Known-vulnerable dependency versions, offline, from an OSV database the user downloaded.

``versions`` compares versions per ecosystem, ``database`` reads and indexes an OSV export
(a folder or zip of JSON advisories), ``manifests`` finds pinned versions in manifests and lock
files, ``check`` turns both into findings.
"""
