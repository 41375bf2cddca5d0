package io.hypermesh.registry.network;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class NetworkRepository {

    private final JdbcClient jdbc;

    NetworkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the owner already has a network of that name. */
    boolean insert(UUID id, String owner, String name, Instant now) {
        return jdbc.sql("""
                        insert into networks (id, owner, name, created_at) values (:id, :owner, :name, :now)
                        on conflict (owner, name) do nothing""")
                .param("id", id).param("owner", owner).param("name", name).param("now", Timestamp.from(now))
                .update() == 1;
    }

    Optional<Network> findOwned(UUID id, String owner) {
        return jdbc.sql("select id, owner, name, created_at from networks where id = :id and owner = :owner")
                .param("id", id).param("owner", owner)
                .query((row, n) -> new Network(id, owner, row.getString("name"), members(id), row.getTimestamp("created_at").toInstant()))
                .optional();
    }

    List<Network> findAllOwned(String owner) {
        return jdbc.sql("select id, name, created_at from networks where owner = :owner order by name")
                .param("owner", owner)
                .query((row, n) -> {
                    UUID id = row.getObject("id", UUID.class);
                    return new Network(id, owner, row.getString("name"), members(id), row.getTimestamp("created_at").toInstant());
                })
                .list();
    }

    void addMember(UUID network, String member, Instant now) {
        jdbc.sql("""
                        insert into network_members (network_id, member, added_at) values (:network, :member, :now)
                        on conflict do nothing""")
                .param("network", network).param("member", member).param("now", Timestamp.from(now)).update();
    }

    void removeMember(UUID network, String member) {
        jdbc.sql("delete from network_members where network_id = :network and member = :member")
                .param("network", network).param("member", member).update();
    }

    private List<String> members(UUID network) {
        return jdbc.sql("select member from network_members where network_id = :network order by member")
                .param("network", network).query(String.class).list();
    }
}
