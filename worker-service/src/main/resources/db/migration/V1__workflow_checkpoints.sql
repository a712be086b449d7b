-- LangGraph4j checkpoints of the planning and writing workflows: one thread per plan or generation
-- run; a worker that takes over an interrupted run continues from the newest checkpoint.
create table workflow_checkpoint (
    thread_id     text        not null,
    checkpoint_id text        not null,
    position      bigserial,
    node_id       text,
    next_node_id  text,
    state         text        not null, -- JSON of the workflow state
    created_at    timestamptz not null default now(),
    primary key (thread_id, checkpoint_id)
);
create index workflow_checkpoint_newest on workflow_checkpoint (thread_id, position desc);

-- A thread whose workflow finished: it is not resumed again.
create table workflow_thread (
    thread_id   text primary key,
    released_at timestamptz not null default now()
);

-- Each slide of a generation run as soon as it was delivered (written, checked, published), so a
-- resumed run writes only the slides that were not.
create table delivered_slide (
    generation_id text        not null,
    slide_index   integer     not null,
    payload       text        not null, -- JSON of SlideGenerated
    delivered_at  timestamptz not null default now(),
    primary key (generation_id, slide_index)
);
