import numpy as np
import torch


def restore(path, model, upload):
    # ruleid: python-torch-load-weights-only-false
    checkpoint = torch.load(path, map_location="cpu", weights_only=False)
    # ok: python-torch-load-weights-only-false
    state = torch.load(path, weights_only=True)
    # ok: python-torch-load-weights-only-false
    torch.save(model.state_dict(), path)
    # ok: python-torch-load-weights-only-false
    cfg = loader.load(path, weights_only=False)

    # ruleid: python-numpy-load-allow-pickle
    arrays = np.load(upload, allow_pickle=True)
    # ok: python-numpy-load-allow-pickle
    arrays = np.load(upload)
    # ok: python-numpy-load-allow-pickle
    arrays = np.load(upload, allow_pickle=False)
    return checkpoint, state, cfg, arrays
