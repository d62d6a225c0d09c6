// What the recommender accepts: a user of the model's examples ({ userId }) or an explicit history of
// movieIds, oldest first, plus an optional candidate to score and how many recommendations to list.
import { z } from 'zod';

/** Refused by the schema: no model reads a longer history (each model's own maximum may be lower). */
export const MAX_HISTORY_ITEMS = 200;
export const DEFAULT_TOP_N = 10;
export const MAX_TOP_N = 100;
/** Longest example name kept ("user 42"). */
const MAX_NAME_CHARACTERS = 100;

const NOT_A_MOVIE_ID = 'must be a movieId (a positive integer)';
const movieIdSchema = z.number({ message: NOT_A_MOVIE_ID }).int(NOT_A_MOVIE_ID).positive(NOT_A_MOVIE_ID);

export const recsysInputSchema = z
  .strictObject({
    /** A label for the input (examples.json names its users). */
    name: z.string().max(MAX_NAME_CHARACTERS).optional(),
    /** A user of the model's examples: their history is read unless `history` is given. */
    userId: z.number().int().positive().optional(),
    /** movieIds, oldest first; the newest is the scoring position. */
    history: z
      .array(movieIdSchema)
      .min(1, 'must hold at least one movie')
      .max(MAX_HISTORY_ITEMS, { message: `is over the limit of ${MAX_HISTORY_ITEMS} movies` })
      .optional(),
    /** A movie (not in the history) whose score and rank are reported. */
    candidate: movieIdSchema.optional(),
    /** How many recommendations to list (default 10). */
    topN: z
      .number()
      .int()
      .min(1)
      .max(MAX_TOP_N, { message: `is over the limit of ${MAX_TOP_N}` })
      .optional(),
  })
  .refine((input) => input.userId !== undefined || input.history !== undefined, { message: 'give a userId or a history of movieIds' });

export type RecsysInput = z.infer<typeof recsysInputSchema>;
