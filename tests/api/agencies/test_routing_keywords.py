"""Keywords and a description an admin gives an agency reach the routing prior (api.learning.service.directory)."""

from api.agencies.directory import save_agency
from api.agencies.schemas import AgencyIn
from api.learning import service as learning
from api.models import Agency
from triage.routing.prior import DirectoryPrior

TEXT = "sumur resapan di gang kami penuh lumpur dan meluap ke rumah warga"


def _top(db_session) -> str:
    directory = learning.directory(db_session)
    prior = DirectoryPrior().fit(directory)
    code_of = {e.name: e.code for e in directory}
    return code_of[prior.predict([TEXT])[0]]


def test_admin_keywords_and_description_change_routing(db_session):
    before_marker = learning.directory_marker(db_session)
    before = _top(db_session)
    assert before != "BAPENDA"
    bapenda = db_session.query(Agency).filter_by(code="BAPENDA").one()
    save_agency(db_session, AgencyIn(code="BAPENDA", name=bapenda.name, keywords=["sumur resapan"],
                                     description="Menagih retribusi sumur resapan."), actor="admin", existing_code="BAPENDA")
    entry = next(e for e in learning.directory(db_session) if e.code == "BAPENDA")
    assert entry.keywords == ("sumur resapan",) and entry.description == "Menagih retribusi sumur resapan."
    assert learning.directory_marker(db_session) != before_marker  # the running router reloads the directory
    assert _top(db_session) == "BAPENDA"


def test_a_keyword_change_alone_changes_the_marker(db_session):
    dinkes = db_session.query(Agency).filter_by(code="DINKES").one()
    save_agency(db_session, AgencyIn(code="DINKES", name=dinkes.name, keywords=["posyandu"]), actor="a",
                existing_code="DINKES")
    marker = learning.directory_marker(db_session)
    save_agency(db_session, AgencyIn(code="DINKES", name=dinkes.name, keywords=["posyandu", "imunisasi"]), actor="a",
                existing_code="DINKES")
    assert learning.directory_marker(db_session) != marker
