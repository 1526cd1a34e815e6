import shutil
import tarfile
import zipfile


def unpack(upload, dest, member):
    with tarfile.open(upload) as tar:
        # ruleid: python-tarfile-extract-unfiltered
        tar.extractall(dest)
        # ruleid: python-tarfile-extract-unfiltered
        tar.extract(member, path=dest)
        # ok: python-tarfile-extract-unfiltered
        tar.extractall(dest, filter="data")
        # ok: python-tarfile-extract-unfiltered
        tar.extractall(dest, members=safe_members(tar, dest))
    # ruleid: python-tarfile-extract-unfiltered
    tarfile.open(upload).extractall()
    # ruleid: python-tarfile-extract-unfiltered
    shutil.unpack_archive(upload, dest)
    # ok: python-tarfile-extract-unfiltered
    shutil.unpack_archive(upload, dest, filter="data")
    with zipfile.ZipFile(upload) as zf:
        # ok: python-tarfile-extract-unfiltered
        zf.extractall(dest)
    # ok: python-tarfile-extract-unfiltered
    text = trafilatura.extract(member)
    return text
