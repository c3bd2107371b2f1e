"""Write transactions lock only the files they may write: tenants that share nothing never wait."""

import threading

from tenant_store import TenantSpec, create_tenant
from tenant_store.number_ranges import next_booking_number


def _draw_in_thread(inst, nr):
    result = {}

    def draw():
        with inst.open_session(nr) as session:
            result["number"] = next_booking_number(session)

    thread = threading.Thread(target=draw, daemon=True)
    thread.start()
    thread.join(timeout=10)
    return result.get("number")


def test_tenants_without_shared_files_write_at_the_same_time(inst):
    create_tenant(inst, TenantSpec(1, "Nord"))
    create_tenant(inst, TenantSpec(2, "Süd"))
    with inst.open_session(1) as s1, s1.transaction():
        next_booking_number(s1)  # tenant 1 holds its write lock
        assert _draw_in_thread(inst, 2) == 200000


def test_tenants_sharing_a_central_file_take_turns(inst):
    create_tenant(inst, TenantSpec(1, "Nord", central=["accounting"]))
    with inst.open_session(0) as s0:
        with s0.transaction():
            next_booking_number(s0)
            waiting = threading.Thread(target=_draw_in_thread, args=(inst, 1), daemon=True)
            waiting.start()
            waiting.join(timeout=0.5)
            assert waiting.is_alive()  # tenant 1 waits for tenant 0's central accounting file
        waiting.join(timeout=10)
        assert not waiting.is_alive()
