package io.hypermesh.routing.host;

import io.hypermesh.routing.matrix.HostProfile;
import io.hypermesh.routing.matrix.PrivacyLevel;

/**
 * The Vivaldi update rule (Dabek, Cox, Kaashoek, Morris, SIGCOMM 2004) in three dimensions, so that
 * the distance between two hosts' coordinates predicts their round-trip time in milliseconds.
 *
 * <p>On a sample {@code rtt} from host i (coordinate xi, error ei) to peer j (xj, ej):
 * <pre>
 * w  = ei / (ei + ej)                       how much i trusts itself versus j
 * es = | ‖xi − xj‖ − rtt | / rtt            relative error of this sample
 * ei ← es·Ce·w + ei·(1 − Ce·w)              moving average of i's error
 * xi ← xi + Cc·w·(rtt − ‖xi − xj‖)·u(xi − xj)   move along the unit vector, towards or away from j
 * </pre>
 * with Ce = Cc = 0.25. Coincident points move apart along a fixed axis (deterministic, unlike the
 * paper's random direction, so replicas agree). The error stays within [0.01, 10].
 */
final class Vivaldi {

    static final double CE = 0.25;
    static final double CC = 0.25;
    static final double MIN_ERROR = 0.01;
    static final double MAX_ERROR = 10.0;

    record Estimate(double x, double y, double z, double error) {
    }

    private Vivaldi() {
    }

    static Estimate update(HostProfile self, HostProfile peer, double rttMillis) {
        double dx = self.x() - peer.x();
        double dy = self.y() - peer.y();
        double dz = self.z() - peer.z();
        double distance = Math.sqrt(dx * dx + dy * dy + dz * dz);
        double weight = self.coordinateError() / (self.coordinateError() + peer.coordinateError());
        double sampleError = Math.abs(distance - rttMillis) / rttMillis;
        double error = clamp(sampleError * CE * weight + self.coordinateError() * (1 - CE * weight));
        double step = CC * weight * (rttMillis - distance);
        double ux = 1;
        double uy = 0;
        double uz = 0;
        if (distance > 0) {
            ux = dx / distance;
            uy = dy / distance;
            uz = dz / distance;
        }
        return new Estimate(self.x() + step * ux, self.y() + step * uy, self.z() + step * uz, error);
    }

    private static double clamp(double error) {
        return Math.max(MIN_ERROR, Math.min(MAX_ERROR, error));
    }
}
