"""Analyst corrections in corrections.yaml are applied by the consolidation assets and survive re-runs."""

import yaml

from conftest import run_daily_job
from pipelines import warehouse


def check_result(result, check_name):
    (evaluation,) = [e.asset_check_evaluation_data for e in result.all_events
                     if e.event_type_value == "ASSET_CHECK_EVALUATION"
                     and e.asset_check_evaluation_data.check_name == check_name
                     and e.asset_check_evaluation_data.asset_key.to_user_string() == "deals"]
    return evaluation


def query(database, sql, params=None):
    with warehouse.connect(database, read_only=True) as con:
        return warehouse.query_frame(con, sql, params).to_dicts()


def test_a_correction_is_applied_and_survives_the_next_days_run(tmp_path):
    database, corrections = tmp_path / "w.duckdb", tmp_path / "corrections.yaml"
    assert run_daily_job(database, corrections=corrections).success
    (google,) = query(database, "select * from deals where buyer = 'Anthropic' and providers = ['Google']")
    (nebius,) = query(database, "select * from deals where buyer = 'Microsoft' and providers = ['Nebius']")
    corrections.write_text(yaml.safe_dump({"corrections": [
        {"set_figure": {"deal": google["mention_ids"][0], "field": "gw", "value": 1.2, "bound": "at_least"},
         "reason": "The newsroom post says more than 1.2 GW (analyst, 2025-11-05)."},
        *({"reject_mention": mention_id, "reason": "Not this deal."} for mention_id in nebius["mention_ids"]),
        {"reject_mention": "0000000000000000", "reason": "A typo: matches nothing."},
    ]}), encoding="utf-8")

    for day in ("2025-11-05", "2025-11-06"):
        result = run_daily_job(database, day=day, corrections=corrections)
        assert result.success
        (corrected,) = query(database, "select * from deals where buyer = 'Anthropic' and providers = ['Google']")
        assert (corrected["gw"], corrected["gw_bound"]) == (1.2, "at_least")
        assert any("1.2 GW" in note for note in corrected["corrections"])
        assert any("replaced by correction" in figure for figure in corrected["disagreeing_figures"])
        assert query(database, "select * from deals where providers = ['Nebius']") == []
        unused = check_result(result, "every_correction_applied")
        assert not unused.passed and "0000000000000000" in str(unused.metadata["unused"].value)
        (commitment,) = query(database, "select * from company_gigawatt_commitments where company = 'Anthropic' and role = 'buyer'")
        assert commitment["gw_at_least"] >= 1.2


def test_a_malformed_corrections_file_stops_consolidation_with_a_clear_error(tmp_path):
    database, corrections = tmp_path / "w.duckdb", tmp_path / "corrections.yaml"
    corrections.write_text("corrections:\n  - set_figure: {deal: abc, field: colour, value: 1}\n    reason: x\n",
                           encoding="utf-8")
    job_result = None
    try:
        job_result = run_daily_job(database, corrections=corrections)
    except Exception as error:  # execute_in_process raises the step's error
        assert "corrections" in str(error) and "colour" in str(error)
    assert job_result is None
    assert query(database, "select count(*) as n from deals")[0]["n"] == 0  # nothing half-written
