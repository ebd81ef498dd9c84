package dev.wfmconnector.simulator.org;

import java.time.Instant;

/** The audit fields every object has: {@code CreatedDate}, {@code CreatedById}, {@code LastModifiedDate}, {@code LastModifiedById}. */
public record Audit(Instant createdDate, String createdById, Instant lastModifiedDate, String lastModifiedById) {

    public static Audit created(Instant at, String by) {
        return new Audit(at, by, at, by);
    }

    public Audit modified(Instant at, String by) {
        Instant modified = at.isBefore(lastModifiedDate) ? lastModifiedDate : at;
        return new Audit(createdDate, createdById, modified, by);
    }
}
