-- Documents read in this run that are not stored yet, or whose bytes changed.
select r.doc_id
from read_documents r
left join raw_documents d on d.doc_id = r.doc_id and d.body_sha256 = r.body_sha256
where d.doc_id is null
