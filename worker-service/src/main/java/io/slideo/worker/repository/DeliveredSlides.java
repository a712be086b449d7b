package io.slideo.worker.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.slideo.model.event.EventCodec;
import io.slideo.model.event.SlideGenerated;

/**
 * The slides of a generation run that were delivered (published and acknowledged by the broker),
 * recorded one by one: the per-slide checkpoint of the writing workflow. Blocking.
 */
@ApplicationScoped
public class DeliveredSlides {
    private final DataSource dataSource;

    DeliveredSlides(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Set<Integer> indexes(String generationId) {
        Set<Integer> delivered = new HashSet<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select slide_index from delivered_slide where generation_id = ?")) {
            s.setString(1, generationId);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    delivered.add(rows.getInt(1));
                }
            }
            return delivered;
        } catch (SQLException e) {
            throw new IllegalStateException("Checkpoint store unavailable: " + e.getMessage(), e);
        }
    }

    public void record(SlideGenerated slide) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into delivered_slide (generation_id, slide_index, payload) values (?, ?, ?)"
                        + " on conflict do nothing")) {
            s.setString(1, slide.generationId());
            s.setInt(2, slide.slideIndex());
            s.setString(3, EventCodec.newMapper().writeValueAsString(slide));
            s.executeUpdate();
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Could not record delivered slide: " + e.getMessage(), e);
        }
    }
}
