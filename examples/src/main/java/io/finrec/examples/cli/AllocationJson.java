package io.finrec.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.finrec.api.allocation.Allocation;
import io.finrec.api.allocation.AllocationAudit;
import io.finrec.api.allocation.SolverReport;

/** The JSON shape the allocation commands share: figures and the audit record. Stateless and thread-safe. */
final class AllocationJson {
    private AllocationJson() {}

    /** Adds weights, expected return, volatility, Sharpe, risk contributions and warnings to {@code out}. */
    static void figures(ObjectMapper json, ObjectNode out, Allocation a) {
        out.set("weights", json.valueToTree(a.weights()));
        out.put("expectedReturn", a.expectedReturn());
        out.put("volatility", a.volatility());
        out.put("sharpe", a.sharpe());
        out.set("riskContributions", json.valueToTree(a.riskContributions()));
        ArrayNode warnings = out.putArray("warnings");
        a.warnings().forEach(warnings::add);
    }

    /** The audit record: input hash, window, settings, solver with KKT residuals, library version. */
    static ObjectNode audit(ObjectMapper json, AllocationAudit a) {
        ObjectNode audit = json.createObjectNode();
        audit.put("inputHash", a.inputHash());
        audit.put("windowStart", a.windowStart().toString());
        audit.put("windowEnd", a.windowEnd().toString());
        audit.put("observations", a.observations());
        audit.set("settings", json.valueToTree(a.settings()));
        SolverReport s = a.solver();
        ObjectNode solver = audit.putObject("solver");
        solver.put("name", s.solver());
        solver.put("status", s.status());
        solver.put("iterations", s.iterations());
        ObjectNode kkt = solver.putObject("kktResiduals");
        kkt.put("stationarity", s.stationarity());
        kkt.put("primalFeasibility", s.primalFeasibility());
        kkt.put("dualFeasibility", s.dualFeasibility());
        kkt.put("complementarity", s.complementarity());
        solver.put("maxKktResidual", s.maxResidual());
        if (!s.activeConstraints().isEmpty()) solver.set("activeConstraints", json.valueToTree(s.activeConstraints()));
        audit.put("library", a.library());
        return audit;
    }
}
