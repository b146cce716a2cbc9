# SPDX-License-Identifier: GPL-2.0-only
"""Progress of long runs: a callback in simulated time, and a tqdm bar."""

import pytest

import pmipv6
from conftest import SMALL


def test_callback_every_interval_and_at_the_end():
    calls = []
    r = pmipv6.run(SMALL, progress=lambda now, end: calls.append((now, end)),
                   progress_interval=2.0)
    end = SMALL["sim_time"]
    assert [round(now, 6) for now, _ in calls] == [0.0, 2.0, 4.0, 6.0, end]
    assert all(e == end for _, e in calls)
    assert r.scalars["moves"] >= 1


def test_default_interval_is_a_hundredth_of_the_run():
    calls = []
    pmipv6.run_scenario(SMALL, progress=lambda now, end: calls.append(now))
    nows = [round(n, 6) for n in calls]
    assert nows == sorted(nows)
    assert nows[0] == 0.0 and nows[-1] == SMALL["sim_time"]
    assert 100 <= len(nows) <= 102


def test_progress_does_not_change_the_results():
    quiet = pmipv6.run(SMALL)
    shown = pmipv6.run(SMALL, progress=lambda now, end: None)
    assert quiet.raw["registrations"] == shown.raw["registrations"]
    assert quiet.raw["signalling"] == shown.raw["signalling"]


def test_tqdm_bar_on_stderr(capsys):
    pytest.importorskip("tqdm")
    pmipv6.run(SMALL, progress=True, progress_interval=1.0)
    err = capsys.readouterr().err
    assert "simulated" in err
    assert "100%" in err and "8.0/8.0 s" in err


def test_exception_in_the_callback_stops_the_run_and_propagates():
    seen = []

    def stop(now, end):
        seen.append(now)
        if now >= 3.0:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        pmipv6.run(SMALL, progress=stop, progress_interval=1.0)
    assert seen == [0.0, 1.0, 2.0, 3.0]
    # the simulator was cleaned up: the next run is complete
    r = pmipv6.run(SMALL)
    assert r.scalars["moves"] >= 1


def test_bad_progress_argument():
    with pytest.raises(TypeError):
        pmipv6.run(SMALL, progress="yes")
