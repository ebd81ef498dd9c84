package dev.wfmconnector.realtime;

import io.grpc.ChannelCredentials;
import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannelBuilder;
import io.grpc.ManagedChannelProvider;
import io.grpc.ManagedChannelRegistry;
import io.grpc.netty.NettyChannelProvider;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Lets the connector attach a {@link PubSubTap} to the gRPC channel camel-salesforce's Pub/Sub consumer builds for
 * itself (with {@code ManagedChannelBuilder.forAddress}, no hook of its own): a channel provider ahead of grpc-netty's
 * that builds the same Netty channels, adding the tap given to {@link #building} for channels built on that thread
 * during that call (the consumer builds its channel while its route starts, on the starting thread). Channels built
 * elsewhere are grpc-netty's own, untouched. {@code ManagedChannelProvider} and its registry are grpc-java's
 * {@code @Internal} API: a gRPC upgrade that changes them shows in {@code PubSubTapTest}.
 */
final class TappedChannels extends ManagedChannelProvider {

    private static final ThreadLocal<ClientInterceptor> TAP = new ThreadLocal<>();
    private static final TappedChannels INSTANCE = new TappedChannels();
    private static boolean registered;

    private final NettyChannelProvider netty = new NettyChannelProvider();

    private TappedChannels() {
    }

    /** Runs {@code action} (e.g. starting a route) so that the gRPC channels it builds on this thread carry {@code tap}. */
    static <T> T building(ClientInterceptor tap, Callable<T> action) throws Exception {
        register();
        TAP.set(tap);
        try {
            return action.call();
        } finally {
            TAP.remove();
        }
    }

    private static synchronized void register() {
        if (!registered) {
            ManagedChannelRegistry.getDefaultRegistry().register(INSTANCE);
            registered = true;
        }
    }

    @Override
    protected boolean isAvailable() {
        return netty.isAvailable();
    }

    /** Ahead of grpc-netty's provider (5). */
    @Override
    protected int priority() {
        return 6;
    }

    @Override
    protected ManagedChannelBuilder<?> builderForAddress(String name, int port) {
        return tapped(netty.builderForAddress(name, port));
    }

    @Override
    protected ManagedChannelBuilder<?> builderForTarget(String target) {
        return tapped(netty.builderForTarget(target));
    }

    @Override
    protected NewChannelBuilderResult newChannelBuilder(String target, ChannelCredentials credentials) {
        NewChannelBuilderResult result = netty.newChannelBuilder(target, credentials);
        return result.getChannelBuilder() == null ? result : NewChannelBuilderResult.channelBuilder(tapped(result.getChannelBuilder()));
    }

    @Override
    protected Collection<Class<? extends SocketAddress>> getSupportedSocketAddressTypes() {
        return List.of(InetSocketAddress.class);
    }

    private static ManagedChannelBuilder<?> tapped(ManagedChannelBuilder<?> builder) {
        ClientInterceptor tap = TAP.get();
        return tap == null ? builder : builder.intercept(tap);
    }
}
