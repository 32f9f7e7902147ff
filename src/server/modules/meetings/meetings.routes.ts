import type { FastifyInstance } from 'fastify';
import { agendaRoutes } from './agenda.routes.ts';
import { calendarRoutes } from './calendar.routes.ts';
import { minutesRoutes } from './minutes.routes.ts';
import { peopleRoutes } from './people.routes.ts';
import { seriesRoutes } from './series.routes.ts';

/** Meetings endpoints: series and settings, calendar and detail, agenda and positions, representatives and attendance, minutes. */
export async function meetingsRoutes(app: FastifyInstance) {
  await app.register(seriesRoutes);
  await app.register(calendarRoutes);
  await app.register(agendaRoutes);
  await app.register(peopleRoutes);
  await app.register(minutesRoutes);
}
