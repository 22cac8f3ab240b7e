package org.hotline8890;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Prints where to go once the product is up, so one command is all a newcomer needs. */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final HotlineProperties properties;

    StartupBanner(HotlineProperties properties) {
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void printUrls() {
        String base = properties.publicUrl();
        log.info("""

                ==================== Hotline 8890 is running ====================
                  Home page           {}/   (English: {}/?lang=en)
                  Staff login         {}/login   (agent console, center, department, admin)
                  Citizen portal      {}/citizen/requests/new
                  Public results      {}/public/results
                  Dashboard           {}/public/dashboard
                  API (OpenAPI)       {}/v3/api-docs   (Swagger UI: {}/swagger-ui.html)
                  Camunda Cockpit     {}/camunda/app/cockpit/  (a staff login with the ADMIN role)
                  Demo logins{}
                =================================================================""",
                base, base, base, base, base, base, base, base, base,
                properties.demoData() ? "         agent, dispatcher, supervisor, admin, dept-housing, dept-dc-urban (password: demo; Cockpit: admin)"
                        : "         (demo data off)");
    }
}
