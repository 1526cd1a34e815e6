# A plain untagged name may be a local image or a stage: not reported.
# ok: docker-from-unpinned-tag
FROM myimage
# ruleid: docker-from-unpinned-tag
FROM docker.io/library/ubuntu
