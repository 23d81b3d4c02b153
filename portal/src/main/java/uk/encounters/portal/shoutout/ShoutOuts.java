package uk.encounters.portal.shoutout;

import static uk.encounters.portal.api.Backend.SCHOOL;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import uk.encounters.portal.api.PlatformApi;
import uk.encounters.portal.web.ApiRecords;
import uk.encounters.portal.web.ReadYourWrites;

/** school-service's shout-out API as the careers leader's pages use it, with the leader's own token. */
@Component
public class ShoutOuts {

    private final PlatformApi api;

    ShoutOuts(PlatformApi api) {
        this.api = api;
    }

    public School school(String schoolId) {
        return ApiRecords.read(api.get(SCHOOL, u -> u.path("/api/v1/schools/{id}").build(schoolId)), School.class);
    }

    /** Every shout-out of the school, soonest start first. */
    public List<ShoutOut> ofSchool(String schoolId) {
        return ApiRecords.readList(api.getList(SCHOOL, u -> u.path("/api/v1/schools/{id}/shout-outs").build(schoolId)),
                ShoutOut.class);
    }

    public ShoutOut find(String shoutOutId) {
        return ApiRecords.read(api.get(SCHOOL, u -> u.path("/api/v1/shout-outs/{id}").build(shoutOutId)),
                ShoutOut.class);
    }

    String post(String schoolId, Map<String, Object> body) {
        Map<String, Object> created = api.send(HttpMethod.POST, SCHOOL,
                u -> u.path("/api/v1/schools/{id}/shout-outs").build(schoolId), body);
        String shoutOutId = String.valueOf(created.get("shoutOutId"));
        showsYet(shoutOutId, shoutOut -> true);
        return shoutOutId;
    }

    void edit(String shoutOutId, Map<String, Object> body) {
        api.send(HttpMethod.PUT, SCHOOL, u -> u.path("/api/v1/shout-outs/{id}").build(shoutOutId), body);
        showsYet(shoutOutId, shoutOut -> shoutOut.title().equals(String.valueOf(body.get("title")).strip())
                && Objects.equals(body.get("places"), shoutOut.places())
                && String.valueOf(body.get("endDate")).equals(String.valueOf(shoutOut.endDate())));
    }

    void withdraw(String shoutOutId, String reason) {
        api.send(HttpMethod.POST, SCHOOL, u -> u.path("/api/v1/shout-outs/{id}/withdraw").build(shoutOutId),
                Map.of("reason", reason == null ? "" : reason));
        showsYet(shoutOutId, shoutOut -> !shoutOut.isOpen());
    }

    void accept(String shoutOutId, String offerId) {
        api.send(HttpMethod.POST, SCHOOL,
                u -> u.path("/api/v1/shout-outs/{id}/offers/{offerId}/accept").build(shoutOutId, offerId), null);
        showsYet(shoutOutId, shoutOut -> shoutOut.offer(offerId) != null && shoutOut.offer(offerId).isAccepted());
    }

    void decline(String shoutOutId, String offerId, String reason) {
        api.send(HttpMethod.POST, SCHOOL,
                u -> u.path("/api/v1/shout-outs/{id}/offers/{offerId}/decline").build(shoutOutId, offerId),
                Map.of("reason", reason == null ? "" : reason));
        showsYet(shoutOutId, shoutOut -> shoutOut.offer(offerId) != null
                && "DECLINED".equals(shoutOut.offer(offerId).status()));
    }

    /** Waits (boundedly) until school-service's view of the shout-out shows what was just done to it. */
    private void showsYet(String shoutOutId, Predicate<ShoutOut> done) {
        ReadYourWrites.await(() -> done.test(find(shoutOutId)));
    }
}
