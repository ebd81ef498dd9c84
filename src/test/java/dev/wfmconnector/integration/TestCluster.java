package dev.wfmconnector.integration;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.support.cluster.AbstractCamelClusterService;
import org.apache.camel.support.cluster.AbstractCamelClusterView;

/**
 * Leader election for tests with several connector instances in one JVM: the test says which pod leads each
 * namespace ({@link #lead}), and every pod's view tells its listeners, as Camel's Kubernetes cluster service does
 * when a lease changes hands.
 */
final class TestCluster {

    private final Map<String, String> leaders = new ConcurrentHashMap<>();
    private final List<View> views = new CopyOnWriteArrayList<>();

    /** Makes {@code pod} the leader of {@code namespace} and tells every pod's view. */
    void lead(String namespace, String pod) {
        leaders.put(namespace, pod);
        views.stream().filter(v -> v.getNamespace().equals(namespace)).forEach(View::announce);
    }

    /** The cluster service of one pod. */
    Service service(String pod) {
        return new Service(pod);
    }

    final class Service extends AbstractCamelClusterService<View> {
        private final String pod;

        private Service(String pod) {
            super("test-cluster-" + pod);
            this.pod = pod;
        }

        @Override
        protected View createView(String namespace) {
            View view = new View(this, namespace, pod);
            views.add(view);
            return view;
        }
    }

    final class View extends AbstractCamelClusterView {
        private final String pod;

        private View(Service service, String namespace, String pod) {
            super(service, namespace);
            this.pod = pod;
        }

        @Override
        public void addEventListener(org.apache.camel.cluster.CamelClusterEventListener listener) {
            super.addEventListener(listener);
            announce();
        }

        void announce() {
            fireLeadershipChangedEvent(getLeader());
        }

        @Override
        public Optional<CamelClusterMember> getLeader() {
            String leader = leaders.get(getNamespace());
            return leader == null ? Optional.empty() : Optional.of(member(leader));
        }

        @Override
        public CamelClusterMember getLocalMember() {
            return member(pod);
        }

        @Override
        public List<CamelClusterMember> getMembers() {
            return List.of(getLocalMember());
        }

        private CamelClusterMember member(String id) {
            return new CamelClusterMember() {
                @Override
                public boolean isLeader() {
                    return id.equals(leaders.get(getNamespace()));
                }

                @Override
                public boolean isLocal() {
                    return id.equals(pod);
                }

                @Override
                public String getId() {
                    return id;
                }
            };
        }

        @Override
        protected void doStart() {
        }

        @Override
        protected void doStop() {
        }
    }
}
