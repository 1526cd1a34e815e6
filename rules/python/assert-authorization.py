def refund(request, order):
    # ruleid: python-assert-authorization
    assert request.user.has_perm("billing.refund"), "not allowed"
    # ruleid: python-assert-authorization
    assert order.owner_id == request.user.id or request.user.is_staff
    # ruleid: python-assert-authorization
    assert check_password(request.POST["password"], request.user.password)
    # ok: python-assert-authorization
    assert order.total >= 0, "negative total"
    # ok: python-assert-authorization
    assert isinstance(order.items, list)
    if not request.user.is_staff:
        raise PermissionDenied
    return do_refund(order)


def test_refund_requires_permission(client, user):
    # ok: python-assert-authorization
    assert not user.has_perm("billing.refund")


class TestAdmin:
    def check(self, user):
        # ok: python-assert-authorization
        assert user.is_superuser
