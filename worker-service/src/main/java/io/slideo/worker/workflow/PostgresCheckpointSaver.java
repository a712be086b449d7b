package io.slideo.worker.workflow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedList;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.bsc.langgraph4j.RunnableConfig;
import org.bsc.langgraph4j.checkpoint.AbstractCheckpointSaver;
import org.bsc.langgraph4j.checkpoint.Checkpoint;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.slideo.model.event.EventCodec;

/**
 * LangGraph4j checkpoints in PostgreSQL (schema worker), so that a workflow interrupted by a dying
 * worker continues on another one from its newest checkpoint. Workflow state holds only JSON values
 * (strings, numbers, booleans, lists), so it survives the round trip unchanged. Only the newest few
 * checkpoints of a thread are kept; a finished (released) thread keeps none.
 */
@ApplicationScoped
public class PostgresCheckpointSaver extends AbstractCheckpointSaver {
    private static final ObjectMapper JSON = EventCodec.newMapper();
    private static final int KEPT = 5;

    private final DataSource dataSource;

    PostgresCheckpointSaver(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Whether this thread's workflow already ran to its end. */
    public boolean released(String threadId) {
        return query("select 1 from workflow_thread where thread_id = ?", threadId, ResultSet::next);
    }

    /** Whether this thread has a checkpoint to resume from. */
    public boolean resumable(String threadId) {
        return query("select 1 from workflow_checkpoint where thread_id = ? limit 1", threadId, ResultSet::next);
    }

    @Override
    protected LinkedList<Checkpoint> loadCheckpoints(RunnableConfig config) throws Exception {
        LinkedList<Checkpoint> newestFirst = new LinkedList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select checkpoint_id, node_id, next_node_id, state from workflow_checkpoint where thread_id = ?"
                        + " order by position desc")) {
            s.setString(1, threadId(config));
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    newestFirst.add(Checkpoint.builder()
                            .id(rows.getString(1))
                            .nodeId(rows.getString(2))
                            .nextNodeId(rows.getString(3))
                            .state(JSON.readValue(rows.getString(4), new TypeReference<Map<String, Object>>() {
                            }))
                            .build());
                }
            }
        }
        return newestFirst;
    }

    @Override
    protected void insertedCheckpoint(RunnableConfig config, LinkedList<Checkpoint> checkpoints, Checkpoint checkpoint)
            throws Exception {
        String thread = threadId(config);
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("insert into workflow_checkpoint (thread_id, checkpoint_id,"
                    + " node_id, next_node_id, state) values (?, ?, ?, ?, ?)")) {
                s.setString(1, thread);
                s.setString(2, checkpoint.getId());
                s.setString(3, checkpoint.getNodeId());
                s.setString(4, checkpoint.getNextNodeId());
                s.setString(5, JSON.writeValueAsString(checkpoint.getState()));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("delete from workflow_checkpoint where thread_id = ? and"
                    + " position not in (select position from workflow_checkpoint where thread_id = ?"
                    + " order by position desc limit " + KEPT + ")")) {
                s.setString(1, thread);
                s.setString(2, thread);
                s.executeUpdate();
            }
        }
    }

    @Override
    protected void updatedCheckpoint(RunnableConfig config, LinkedList<Checkpoint> checkpoints, Checkpoint checkpoint)
            throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "update workflow_checkpoint set node_id = ?, next_node_id = ?, state = ? where thread_id = ?"
                        + " and checkpoint_id = ?")) {
            s.setString(1, checkpoint.getNodeId());
            s.setString(2, checkpoint.getNextNodeId());
            s.setString(3, JSON.writeValueAsString(checkpoint.getState()));
            s.setString(4, threadId(config));
            s.setString(5, checkpoint.getId());
            s.executeUpdate();
        }
    }

    @Override
    protected Tag releaseCheckpoints(RunnableConfig config, LinkedList<Checkpoint> checkpoints) throws Exception {
        String thread = threadId(config);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement released = c.prepareStatement(
                    "insert into workflow_thread (thread_id) values (?) on conflict do nothing");
                    PreparedStatement removed = c.prepareStatement("delete from workflow_checkpoint where thread_id = ?")) {
                released.setString(1, thread);
                released.executeUpdate();
                removed.setString(1, thread);
                removed.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
        return new Tag(thread, checkpoints);
    }

    private interface RowReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private <T> T query(String sql, String threadId, RowReader<T> reader) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, threadId);
            try (ResultSet rows = s.executeQuery()) {
                return reader.read(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Checkpoint store unavailable: " + e.getMessage(), e);
        }
    }
}
